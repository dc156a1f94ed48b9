"""Keyboard shortcuts and the fullscreen presenter button: the only JavaScript of the app.

Space plays or pauses, the right arrow steps one day, R starts again, Escape
leaves the presenter view. Keys typed into a field (the seed, a select) are
left alone. The presenter button asks the browser for fullscreen in the same
click, as browsers require.
"""

from __future__ import annotations

import ipyvuetify as v
import traitlets

KEYS = (" ", "ArrowRight", "r", "R", "Escape")

TEMPLATE = """
<template>
  <v-btn class="kondusif-present" small depressed color="secondary" @click="present()">
    {{ label }}
  </v-btn>
</template>
<script>
module.exports = {
  mounted() {
    const keys = %s;
    this.onKeyDown = (e) => {
      const t = e.target;
      const tag = ((t && t.tagName) || '').toLowerCase();
      if (tag === 'input' || tag === 'textarea' || tag === 'select' || (t && t.isContentEditable)) {
        return;
      }
      if (keys.includes(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        e.stopPropagation();
        this.key(e.key);
      }
    };
    this.onFullscreen = () => { if (!document.fullscreenElement) { this.key('fullscreen-exit'); } };
    window.addEventListener('keydown', this.onKeyDown, true);
    document.addEventListener('fullscreenchange', this.onFullscreen);
  },
  destroyed() {
    window.removeEventListener('keydown', this.onKeyDown, true);
    document.removeEventListener('fullscreenchange', this.onFullscreen);
  },
  methods: {
    present() {
      const page = document.documentElement;
      if (page.requestFullscreen && !document.fullscreenElement) {
        page.requestFullscreen().catch(() => {});
      }
      this.key('present');
    },
  },
};
</script>
""" % ("[" + ", ".join(f"'{k}'" for k in KEYS) + "]")


class ShortcutsWidget(v.VuetifyTemplate):
    """The presenter button; its page listens for the shortcut keys while it is shown.

    ``handler`` is called with the key's name (``" "``, ``"ArrowRight"``, ``"r"``,
    ``"Escape"``), ``"present"`` for the button, ``"fullscreen-exit"`` when the
    browser leaves fullscreen.
    """

    template = traitlets.Unicode(TEMPLATE).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    handler = traitlets.Any(None)

    def vue_key(self, data):
        if self.handler is not None:
            self.handler(str(data))


def Shortcuts(label: str, on_key):
    """The element: the presenter button labelled `label`, calling ``on_key(name)``."""
    return ShortcutsWidget.element(label=label, handler=on_key)
