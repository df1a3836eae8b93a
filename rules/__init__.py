"""Built-in rule modules of the auditor, installed as ``auditor_rules``.

One module per check family; each rule class is registered in pyproject.toml under the
``auditor.rules`` entry-point group, exactly as a third-party plugin registers its own.
"""
