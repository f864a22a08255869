"""What every feature of the GUI uses: the data bus, undo commands, the list-and-card view,
the record table model and filter proxy, form parts, empty states, labels and item roles."""
