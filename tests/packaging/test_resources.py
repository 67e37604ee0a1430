"""Checks of the desktop-integration resources and the packaging files that need no build.

The .desktop file and AppStream metainfo are validated with Debian's own tools when they are
installed (desktop-file-utils, appstream), and skipped with a reason otherwise. Icons are
checked from their file headers with the standard library only. The PyInstaller spec is read
as Python source, never executed (it needs PyInstaller's globals), to make sure it never drops
the OpenGL modules pyqtgraph loads behind PyInstaller's back.
"""

from __future__ import annotations

import ast
import configparser
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
ICONS = RESOURCES / "icons"
PACKAGING = REPO / "packaging"
APP_ID = "io.github.curbwatch.Curbwatch"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "curbwatch.spec"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# What pyqtgraph imports through importlib at run time; the frozen app dies at start without it.
OPENGL_FILES = (
    "PySide6/QtOpenGL.abi3.so",
    "PySide6/QtOpenGLWidgets.abi3.so",
    "PySide6/QtOpenGL.pyd",
    "PySide6/QtOpenGLWidgets.pyd",
    "PySide6/Qt/lib/libQt6OpenGL.so.6",
    "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",
    "PySide6/Qt6OpenGL.dll",
    "PySide6/Qt6OpenGLWidgets.dll",
    "PySide6/Qt/lib/QtOpenGL.framework/Versions/A/QtOpenGL",
    "PySide6/Qt/lib/QtOpenGLWidgets.framework/Versions/A/QtOpenGLWidgets",
)


def app_version() -> str:
    text = (REPO / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", text, re.MULTILINE)
    assert match, "no __version__ in app/__init__.py"
    return match.group(1)


def png_header(path: Path) -> tuple[int, int, int, int]:
    """(width, height, bit depth, colour type) from a PNG's IHDR chunk."""
    with path.open("rb") as f:
        head = f.read(26)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert head[12:16] == b"IHDR", f"{path} has no IHDR chunk first"
    width, height = struct.unpack(">II", head[16:24])
    return width, height, head[24], head[25]


def run_tool(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)


# --- .desktop -----------------------------------------------------------------------------------


def read_desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt-get install desktop-file-utils)")
    result = run_tool(tool, str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout + result.stderr


def test_desktop_file_launches_the_installed_command() -> None:
    entry = read_desktop()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Curbwatch"
    assert entry["Exec"] == "curbwatch"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    categories = entry["Categories"].rstrip(";").split(";")
    assert {"Office", "Education"} <= set(categories)


# --- AppStream metainfo -------------------------------------------------------------------------


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (apt-get install appstream)")
    result = run_tool(tool, "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("developer_name") == "Curbwatch developers"
    assert root.findtext("developer/name") == "Curbwatch developers"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.find("content_rating") is not None
    assert root.findtext("provides/binary") == "curbwatch"
    releases = root.findall("releases/release")
    assert releases, "no <release>"
    assert releases[0].get("version") == app_version(), "newest release must be app.__version__"
    assert releases[0].get("date") == "2026-11-29"


def test_metainfo_screenshot_is_a_file_we_ship() -> None:
    images = ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image")
    assert images, "no screenshot"
    for image in images:
        url = (image.text or "").strip()
        assert url.startswith("https://")
        marker = "/resources/"
        assert marker in url, f"{url} does not point into resources/"
        shipped = RESOURCES / url.split(marker, 1)[1]
        assert shipped.is_file(), f"{url} names {shipped}, which is missing"
        width, height, _, _ = png_header(shipped)
        assert (str(width), str(height)) == (image.get("width"), image.get("height"))


# --- icons --------------------------------------------------------------------------------------


def test_svg_icon_is_well_formed() -> None:
    root = ET.parse(ICONS / "curbwatch.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    # Shapes only: text would depend on the fonts of whoever renders it.
    assert root.find(".//{http://www.w3.org/2000/svg}text") is None


@pytest.mark.parametrize("size", PNG_SIZES)
def test_hicolor_png_has_its_size(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert path.is_file(), f"missing {path.relative_to(REPO)}: run packaging/make-icons"
    width, height, depth, colour_type = png_header(path)
    assert (width, height) == (size, size)
    assert (depth, colour_type) == (8, 6), "expected 8-bit RGBA"


def test_windows_ico() -> None:
    data = (ICONS / "curbwatch.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an ICO file"
    sizes = set()
    for i in range(count):
        width, height = data[6 + 16 * i], data[7 + 16 * i]
        sizes.add((width or 256, height or 256))  # 0 means 256 in an ICO directory
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes


def test_macos_icns() -> None:
    data = (ICONS / "curbwatch.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    kinds = set()
    offset = 8
    while offset < len(data):
        kind, length = struct.unpack(">4sI", data[offset:offset + 8])
        assert length >= 8
        kinds.add(kind)
        offset += length
    assert offset == len(data)
    # 128, 256 and 512 px (ic07-ic09) and the 1024 px 512@2x (ic10).
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= kinds


# --- PyInstaller spec ---------------------------------------------------------------------------


def spec_constants() -> dict[str, object]:
    """Top-level NAME = <literal or string concatenation> assignments of the spec."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    values: dict[str, object] = {}

    def evaluate(node: ast.expr) -> object:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name) and node.id in values:
            return values[node.id]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return evaluate(node.left) + evaluate(node.right)  # type: ignore[operator]
        if isinstance(node, (ast.List, ast.Tuple)):
            return [evaluate(element) for element in node.elts]
        raise ValueError(ast.dump(node))

    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = evaluate(node.value)
            except ValueError:
                pass
    return values


def analysis_keywords() -> dict[str, ast.expr]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    calls = [
        node for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Analysis"
    ]
    assert len(calls) == 1, "expected exactly one Analysis(...) in the spec"
    return {kw.arg: kw.value for kw in calls[0].keywords if kw.arg}


def test_spec_never_excludes_qtopengl() -> None:
    excludes_node = analysis_keywords()["excludes"]
    constants = spec_constants()
    if isinstance(excludes_node, ast.Name):
        excludes = constants[excludes_node.id]
    else:
        excludes = ast.literal_eval(excludes_node)
    assert isinstance(excludes, list) and excludes
    for name in excludes:
        assert "OpenGL" not in name or name in ("pyqtgraph.opengl", "OpenGL"), (
            f"the spec excludes {name!r}; pyqtgraph needs PySide6.QtOpenGL and QtOpenGLWidgets"
        )
        # Excluding a parent package would take the OpenGL modules with it.
        assert name not in ("PySide6", "PySide6.Qt"), f"the spec excludes {name!r}"


def test_spec_never_drops_qtopengl_files() -> None:
    prefixes = spec_constants()["DROPPED_PREFIXES"]
    assert isinstance(prefixes, list) and prefixes
    for path in OPENGL_FILES:
        hits = [prefix for prefix in prefixes if path.startswith(prefix)]
        assert not hits, f"DROPPED_PREFIXES {hits} would drop {path}"


def test_spec_lists_qtopengl_and_every_app_module_as_hidden_imports() -> None:
    """pyqtgraph imports QtOpenGL through importlib, and the app imports its dialogs on first use
    (app.ui.brief, which prints with QtPrintSupport): the analysis sees neither, so the spec names them."""
    node = analysis_keywords()["hiddenimports"]
    named = {e.value for e in node.elts if isinstance(e, ast.Constant)}
    assert {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtPrintSupport"} <= named
    starred = [ast.unparse(e.value) for e in node.elts if isinstance(e, ast.Starred)]
    assert starred == ["collect_submodules('app')"]


def test_spec_bundles_data_and_resources() -> None:
    datas = analysis_keywords()["datas"]
    text = ast.unparse(datas)
    assert "'data'), 'data')" in text and "'resources'), 'resources')" in text, text
    source = SPEC.read_text(encoding="utf-8")
    assert "console=False" in source, "the app must be windowed"
    assert 'bundle_identifier=APP_ID' in source and f'APP_ID = "{APP_ID}"' in source
    assert '"tkinter"' in source


def test_launcher_runs_main() -> None:
    tree = ast.parse((PACKAGING / "launcher.py").read_text(encoding="utf-8"))
    imports = [node for node in tree.body if isinstance(node, ast.ImportFrom)]
    assert any(node.module == "app.main" and [a.name for a in node.names] == ["main"] for node in imports)
    raises = [node for node in tree.body if isinstance(node, ast.Raise)]
    assert raises and ast.unparse(raises[0]) == "raise SystemExit(main())"


# --- scripts ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["build-linux", "smoke-test", "make-icons"])
def test_script_is_executable_and_parses(name: str) -> None:
    path = PACKAGING / name
    assert path.stat().st_mode & 0o111, f"{name} is not executable"
    source = path.read_text(encoding="utf-8")
    shebang = source.splitlines()[0]
    if "bash" in shebang:
        bash = shutil.which("bash")
        if bash is None:
            pytest.skip("bash is not installed")
        result = run_tool(bash, "-n", str(path))
        assert result.returncode == 0, result.stderr
    else:
        assert shebang == "#!/usr/bin/env python3"
        compile(source, str(path), "exec")


def test_deb_declares_the_xcb_libraries() -> None:
    source = (PACKAGING / "build-linux").read_text(encoding="utf-8")
    for package in ("libxcb-icccm4", "libxcb-keysyms1", "libfontconfig1"):
        assert package in source


def test_inno_setup_script() -> None:
    text = (PACKAGING / "windows" / "curbwatch.iss").read_text(encoding="utf-8")
    app_id = re.search(r"^AppId=\{\{([0-9A-F-]+)\}", text, re.MULTILINE)
    assert app_id, "AppId must be a fixed GUID"
    assert re.fullmatch(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", app_id.group(1))
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.MULTILINE)
    assert "{autoprograms}" in text and "[UninstallDelete]" in text
