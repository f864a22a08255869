"""The Qt Widgets GUI. The only package that imports PySide6 widgets; never imports SQLAlchemy."""
