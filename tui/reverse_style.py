"""Reverse video from the stylesheet kept in a widget's component styles (Textual's get_visual_style drops it)."""

from __future__ import annotations

from textual.style import Style

REVERSE = Style(reverse=True)


class KeepsReverse:
    """Mixed into a widget whose component classes may set `text-style: reverse`, as the NO_COLOR rules do."""

    def get_visual_style(self, *component_classes: str, partial: bool = False) -> Style:
        style: Style = super().get_visual_style(*component_classes, partial=partial)  # type: ignore[misc]
        if any(self.get_component_styles(name).text_style.reverse for name in component_classes):  # type: ignore[attr-defined]
            style = style + REVERSE
        return style
