"""Print the files the trained model depends on, for the Makefile's `models/b12.tar.gz` rule.

Derived, not listed by hand: config.yml, every file under domain/ and data/, and for each custom
component in config.yml's pipeline that Rasa trains (`is_trainable=True` in its recipe
registration), its module and every project module it imports, transitively, and the files named
as `training_sets` in a component's config (the learned red-flag model's labelled sets). A component
that is not trained (the red-flag rules) reads its code at load time, so a change there needs a
restart, not a new model.

    python tools/train_inputs.py            # space-separated paths, relative to the project root
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PACKAGES = ("b12assist", "components", "actions", "channels")


def module_file(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _is_trainable(tree: ast.Module, class_name: str) -> bool:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for deco in node.decorator_list:
                if isinstance(deco, ast.Call):
                    for kw in deco.keywords:
                        if kw.arg == "is_trainable" and isinstance(kw.value, ast.Constant):
                            return bool(kw.value.value)
    return False


def project_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return {n for n in names if n.split(".")[0] in PROJECT_PACKAGES}


def closure(module: str) -> set[Path]:
    seen: set[Path] = set()
    todo = [module]
    while todo:
        path = module_file(todo.pop())
        if path is None or path in seen:
            continue
        seen.add(path)
        todo.extend(project_imports(path))
    return seen


def trained_code(config: dict) -> set[Path]:
    files: set[Path] = set()
    for step in config.get("pipeline") or []:
        name = step.get("name", "")
        if "." not in name:
            continue   # a Rasa built-in
        module, class_name = name.rsplit(".", 1)
        path = module_file(module)
        if path is None:
            raise SystemExit(f"config.yml names {name}, but {module} is not in the project")
        if _is_trainable(ast.parse(path.read_text()), class_name):
            files |= closure(module)
    return files


def data_files(config: dict) -> set[Path]:
    """Files a project component trains from besides Rasa's data (`training_sets` in its config)."""
    files: set[Path] = set()
    for step in config.get("pipeline") or []:
        for rel in step.get("training_sets") or []:
            files.add(ROOT / rel)   # listed even when missing: make then stops with "No rule to make target"
    return files


def inputs() -> list[str]:
    config_path = ROOT / "config.yml"
    config = yaml.safe_load(config_path.read_text())
    files = {config_path} | trained_code(config) | data_files(config)
    for folder in ("domain", "data"):
        files |= {p for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix in {".yml", ".yaml"}}
    return sorted(str(p.relative_to(ROOT)) for p in files)


if __name__ == "__main__":
    sys.stdout.write(" ".join(inputs()) + "\n")
