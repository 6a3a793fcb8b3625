"""Runs a Python Pulumi program (examples/python-quickstart/__main__.py) through Python's Automation
API against the project's CLI, a file:// backend and the passphrase secrets provider. One step per
run (the stack lives in the backend between runs); each run prints one JSON line. Driven by
test/languages/python.languages.test.ts, in the venv scripts/python-env.sh makes.

    python stack.py preview | preview-no-changes | up | refresh | destroy | import <certificate id>

Inline by default: the program file is run in this process with runpy, as pulumi-language-python
runs a project's __main__.py, and the CLI talks to this process's language server (--client). With
CCM_IN_DIRECTORY set, the user's path instead: the CLI in a copy of the program's directory, which
the Python language host (pulumi-language-python, on PATH) runs in this venv.
"""

import json
import os
import runpy
import shutil
import sys
from typing import Any

from pulumi import automation as auto

PROJECT = "ccm-python-quickstart"
PROGRAM = os.environ["CCM_PROGRAM"]


def program() -> None:
    runpy.run_path(PROGRAM, run_name="__main__")


def settings(runtime: str) -> auto.ProjectSettings:
    backend = auto.ProjectBackend(url="file://" + os.environ["CCM_STATE_DIR"])
    # A ProjectRuntimeInfo, not the name alone: ProjectSettings refuses runtimes it does not list (yaml).
    return auto.ProjectSettings(name=PROJECT, runtime=auto.ProjectRuntimeInfo(runtime), backend=backend)


def in_directory_workspace(options: auto.LocalWorkspaceOptions) -> str:
    """A copy of the program's directory whose Pulumi.yaml names this venv (the host runs it there)."""
    work_dir = os.path.join(os.environ["CCM_WORK_DIR"], "program")
    shutil.copytree(os.path.dirname(PROGRAM), work_dir, dirs_exist_ok=True)
    # The host runs the directory's __main__.py: the program given (taken_over.py) becomes it.
    shutil.copyfile(PROGRAM, os.path.join(work_dir, "__main__.py"))
    venv = os.path.dirname(os.path.dirname(sys.executable))
    with open(os.path.join(work_dir, "Pulumi.yaml"), "w", encoding="utf-8") as project_file:
        project_file.write(
            f"name: {PROJECT}\nruntime:\n  name: python\n  options:\n    toolchain: pip\n"
            f"    virtualenv: {venv}\nbackend:\n  url: file://{os.environ['CCM_STATE_DIR']}\n"
        )
    return work_dir


def stack(runtime: str) -> auto.Stack:
    options = auto.LocalWorkspaceOptions(
        pulumi_home=os.environ["PULUMI_HOME"],
        pulumi_command=auto.PulumiCommand(root=os.environ["CCM_PULUMI_ROOT"]),
        secrets_provider="passphrase",
        env_vars={"PULUMI_CONFIG_PASSPHRASE": os.environ["PULUMI_CONFIG_PASSPHRASE"]},
    )
    if os.environ.get("CCM_IN_DIRECTORY"):
        s = auto.create_or_select_stack("test", work_dir=in_directory_workspace(options), opts=options)
    else:
        options.work_dir = os.environ["CCM_WORK_DIR"]
        options.project_settings = settings(runtime)
        s = auto.create_or_select_stack("test", project_name=PROJECT, program=program, opts=options)
    values = {k: auto.ConfigValue(v) for k, v in json.loads(os.environ["CCM_CONFIG"]).items()}
    for k, v in json.loads(os.environ["CCM_SECRETS"]).items():
        values[k] = auto.ConfigValue(v, secret=True)
    s.set_all_config(values)
    return s


def changes(summary: Any) -> dict[str, int]:
    """An operation's change counts, keyed by the CLI's names (create, same, …)."""
    return {getattr(op, "value", op): count for op, count in (summary or {}).items()}


def run(args: list[str]) -> dict[str, Any]:
    # GOTCHA: import_resources runs `pulumi import` without the --client flag the other operations
    # pass for an inline program (the CLI's import has none in v3.259.0), so the engine loads the
    # project's language host to list its packages. No Python host is available here, so the import
    # step alone declares the YAML runtime (its host is on PATH); the inline program is not run.
    inline_import = args[0] == "import" and not os.environ.get("CCM_IN_DIRECTORY")
    s = stack("yaml" if inline_import else "python")
    op = args[0]
    if op in ("preview", "preview-no-changes"):
        r = s.preview(diff=True, expect_no_changes=op == "preview-no-changes")
        return {"changes": changes(r.change_summary)}
    if op == "up":
        u = s.up()
        outputs = {k: {"value": v.value, "secret": v.secret} for k, v in u.outputs.items()}
        # The engine's output too: a test checks its diagnostics (e.g. no ambient-plugin warning).
        return {"changes": changes(u.summary.resource_changes), "outputs": outputs, "log": u.stdout + u.stderr}
    if op == "refresh":
        return {"changes": changes(s.refresh().summary.resource_changes)}
    if op == "destroy":
        d = s.destroy()
        return {"changes": changes(d.summary.resource_changes), "log": d.stdout + d.stderr}
    if op == "import":
        resource = {"type": "huaweicloud-ccm:index:PrivateCertificate", "name": "legacy", "id": args[1]}
        result = s.import_resources(resources=[resource], protect=False, generate_code=False)
        return {"changes": changes(result.summary.resource_changes)}
    raise SystemExit(f"unknown step {op}")


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1:])))
