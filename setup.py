"""The one thing pyproject.toml cannot say: the wheel carries the top-level resources/ folder
(icons now; the desktop entry, AppStream metadata and translations later) as the package
data mentordesk/resources, where mentordesk.paths finds it in an installed copy."""

from setuptools import find_namespace_packages, find_packages, setup

# resources/ and each folder in it, as packages of data under mentordesk.resources.
resources = ["mentordesk.resources"] + [
    f"mentordesk.resources.{name}" for name in find_namespace_packages(where="resources")
]

setup(
    packages=[*find_packages(include=["mentordesk", "mentordesk.*"]), *resources],
    package_dir={"mentordesk.resources": "resources"},
    package_data={"mentordesk.db.migrations": ["*.mako"], **{name: ["*"] for name in resources}},
)
