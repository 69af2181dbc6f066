"""The accessibility tree of a running app as a screen reader (Orca) reads it over the AT-SPI bus.

Run by tests/test_accessibility.py with the SYSTEM python3 (Debian's python3-gi and gir1.2-atspi-2.0 give it the
`gi` Atspi bindings, which the project's venv does not have); it talks to the app under test only over D-Bus.
Prints JSON on stdout:

    atspi_walk.py dump APP               the app's shown tree: role, name, description, key binding,
                                         states, screen box, and the text of Text objects
    atspi_walk.py keys APP KEY [KEY …]   presses each key (an X keysym name such as Tab, or Alt_L) and
                                         after each reports the focused object (role, name, box)
"""
from __future__ import annotations

import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402  (after require_version, as gi wants)

# Reading a whole record through the tree is not needed: its start shows the record's title is there.
TEXT_CHARS = 400


def find_app(name: str, timeout: float = 15.0) -> Atspi.Accessible:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        time.sleep(0.2)
    sys.exit(f"no application named {name!r} on the accessibility bus")


def key_binding(acc: Atspi.Accessible) -> str:
    action = acc.get_action_iface()
    if action is None or action.get_n_actions() == 0:
        return ""
    return action.get_key_binding(0) or ""


def text_of(acc: Atspi.Accessible) -> str | None:
    text = acc.get_text_iface()
    if text is None:
        return None
    return text.get_text(0, min(TEXT_CHARS, text.get_character_count()))


def labelled_by(acc: Atspi.Accessible) -> list[str]:
    """The names of the labels that name `acc` (a QLabel whose buddy it is): Orca says them with it."""
    names = []
    for relation in acc.get_relation_set() or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            names += [relation.get_target(i).get_name() or "" for i in range(relation.get_n_targets())]
    return names


def box(acc: Atspi.Accessible) -> list[int] | None:
    component = acc.get_component_iface()
    if component is None:
        return None
    extents = component.get_extents(Atspi.CoordType.SCREEN)
    return [extents.x, extents.y, extents.width, extents.height]


def node(acc: Atspi.Accessible, with_hidden_menus: bool) -> dict:
    """`acc` and its children that are on screen; the menu bar's menus even when closed (a closed menu's
    actions are what the keyboard reaches through the bar)."""
    states = acc.get_state_set()
    role = acc.get_role_name()
    out = {"role": role, "name": acc.get_name() or "", "description": acc.get_description() or "",
           "key": key_binding(acc), "focusable": states.contains(Atspi.StateType.FOCUSABLE),
           "focused": states.contains(Atspi.StateType.FOCUSED),
           "showing": states.contains(Atspi.StateType.SHOWING), "box": box(acc), "text": text_of(acc),
           "labelled_by": labelled_by(acc)}
    children = []
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        if child is None:
            continue
        in_menus = with_hidden_menus or role == "menu bar"
        if child.get_state_set().contains(Atspi.StateType.SHOWING) or in_menus:
            children.append(node(child, in_menus))
    out["children"] = children
    return out


def focused(acc: Atspi.Accessible) -> dict | None:
    states = acc.get_state_set()
    if not states.contains(Atspi.StateType.SHOWING):
        return None
    if states.contains(Atspi.StateType.FOCUSED) and acc.get_role_name() != "page tab":
        return {"role": acc.get_role_name(), "name": acc.get_name() or "", "box": box(acc)}
    for i in range(acc.get_child_count()):
        child = acc.get_child_at_index(i)
        found = focused(child) if child is not None else None
        if found:
            return found
    return None


# X keysyms of the keys the test presses (Gdk would name them all, but needs GTK installed)
KEYSYMS = {"Tab": 0xFF09, "Escape": 0xFF1B, "Left": 0xFF51, "Up": 0xFF52, "Right": 0xFF53, "Down": 0xFF54,
           "Alt_L": 0xFFE9}


def press(keysym_name: str) -> None:
    Atspi.generate_keyboard_event(KEYSYMS[keysym_name], None, Atspi.KeySynthType.SYM)


def main() -> int:
    command, app_name, *keys = sys.argv[1:]
    Atspi.init()
    app = find_app(app_name)
    if command == "dump":
        print(json.dumps(node(app, False), ensure_ascii=False))
        return 0
    seen = []
    for key in keys:
        press(key)
        time.sleep(0.15)   # the key reaches the app through X, the focus change comes back over D-Bus
        seen.append({"key": key, "focus": focused(app)})
    print(json.dumps(seen, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
