"""``workbench run``: execute a notebook with papermill, then save an HTML report beside it.

Parameters reach the notebook's ``parameters`` cell: ``-p NAME VALUE`` (repeatable) and
``-f params.yaml``. When the notebook has an ``out_dir`` parameter and none is given, it is set
to the ``--out`` folder, so the notebook writes its files beside the report. The notebook runs
in its own folder, so its default relative paths resolve as they do in Jupyter.
"""

from pathlib import Path

import yaml

from workbench.errors import InputError


def add_parser(subparsers):
    """Register the ``run`` command."""
    parser = subparsers.add_parser(
        "run", help="execute a notebook with papermill and save an HTML report",
        description="Execute NOTEBOOK with papermill into DIR and write DIR/NAME.html.")
    parser.add_argument("notebook", metavar="NOTEBOOK")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[],
                        metavar=("NAME", "VALUE"), help="set a parameter (YAML value syntax)")
    parser.add_argument("-f", "--parameters-file", metavar="params.yaml",
                        help="YAML file of parameters")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the outputs")
    parser.add_argument("--kernel", default="python3", help="Jupyter kernel name")
    parser.set_defaults(handler=run)


def notebook_parameters(path):
    """Return the names assigned in the notebook's cell tagged ``parameters``."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            names = []
            for line in cell.source.splitlines():
                name = line.split("=", 1)[0].strip()
                if "=" in line and name.isidentifier():
                    names.append(name)
            return names
    raise InputError(f"{path}: no cell tagged 'parameters'; papermill needs one")


def parse_value(text):
    """Read a -p value like papermill does: numbers, booleans and null as such, else text.

    >>> parse_value("2026-12-04"), parse_value("5"), parse_value("true")
    ('2026-12-04', 5, True)
    """
    value = yaml.safe_load(text)
    return value if isinstance(value, (int, float, bool, type(None), list, dict)) else str(text)


def _plain(value):
    """Turn YAML dates into ISO text, because notebooks receive JSON-like literals."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def collect_parameters(args, notebook):
    """Merge the parameters file and -p options (-p wins); return them as a dict."""
    values = {}
    if args.parameters_file:
        try:
            values.update(_plain(yaml.safe_load(Path(args.parameters_file).read_text()) or {}))
        except (OSError, yaml.YAMLError) as error:
            raise InputError(f"{args.parameters_file}: cannot read parameters ({error})") from None
    for name, text in args.parameter:
        values[name] = parse_value(text)
    known = notebook_parameters(notebook)
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise InputError(f"{notebook}: no parameter named {', '.join(unknown)}; its parameters "
                         f"are {', '.join(known)}")
    if "out_dir" in known and "out_dir" not in values:
        values["out_dir"] = str(Path(args.out).resolve())
    return values


def run(args):
    """Execute the notebook and write the executed copy and the HTML report."""
    # papermill and nbconvert take a second to import; only this command needs them.
    import papermill

    from workbench.report import write_html_report

    notebook = Path(args.notebook)
    if not notebook.is_file():
        raise InputError(f"{notebook}: notebook not found")
    parameters = collect_parameters(args, notebook)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    executed = out / notebook.name
    try:
        papermill.execute_notebook(str(notebook), str(executed), parameters=parameters,
                                   cwd=str(notebook.parent.resolve()), kernel_name=args.kernel,
                                   progress_bar=False)
    except papermill.PapermillExecutionError as error:
        print(f"error: {notebook.name} failed in cell {error.exec_count}: {error.ename}: "
              f"{error.evalue}; the partly executed notebook is {executed}")
        return 1
    report = write_html_report(executed, out / f"{notebook.stem}.html")
    print(f"Executed {notebook.name}: {executed}")
    print(f"HTML report: {report}")
    return 0
