"""Migrant Desk: an offline reference desk for advisors of Central Asian labour migrants."""


def __getattr__(name: str):
    # The version is read from the installed metadata on first use (pyproject.toml is its one source);
    # importlib.metadata is slow to import and not needed to paint the window.
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("migrant-desk")
        except metadata.PackageNotFoundError:  # a source tree that is not installed
            return "0.0.0+source"
    raise AttributeError(name)
