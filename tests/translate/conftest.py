from __future__ import annotations

import pytest

from transform.parse.languages import get_language
from transform.translate.rules import load_rules


@pytest.fixture(scope="session")
def vba_language():
    return get_language("vba")


@pytest.fixture(scope="session")
def vba_rules(vba_language):
    return load_rules(vba_language)


@pytest.fixture
def run_vba(tmp_path, vba_rules, vba_language, monkeypatch):
    """Translate one VBA standard module with our rules, write it with its support
    package, and import it: `run_vba(source).some_function(...)` runs the translation."""
    import importlib
    import sys

    from transform.translate.module import translate_module
    from transform.translate.support import support_files

    counter = iter(range(1000))
    made: list[str] = []

    def run(source: str, name: str = "demo", file: str = ""):
        package = f"translated_{next(counter)}_{tmp_path.name.replace('-', '_')}"
        root = tmp_path / package
        root.mkdir()
        (root / "__init__.py").write_text("")
        file = file or f"{name}.bas"
        translation = translate_module(vba_rules, vba_language, source, name, file)
        assert not translation.fragments, translation.code
        (root / f"{name}.py").write_text(translation.code)
        helpers = translation.helpers | {"Null", "Nothing", "Integer", "effects"}
        for relative, text in support_files(helpers).items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_text(text)
        monkeypatch.syspath_prepend(str(tmp_path))
        made.append(package)
        return importlib.import_module(f"{package}.{name}")

    yield run
    for package in made:
        for loaded in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[loaded]
