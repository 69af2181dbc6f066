"""Settings: interface and content language, text size, the centre's default citizenship and region."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from ..core import languages
from ..core.i18n import _, on_language_changed, set_language
from .transient_dialog import TransientDialog
from .widgets import CitizenshipCombo, RegionCombo, named


class SettingsDialog(TransientDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        s = ctx.settings
        self.ui_language = named(QComboBox(self), "uiLanguage")
        self.content_language = named(QComboBox(self), "contentLanguage")
        for code, name in languages.NAMES.items():
            self.ui_language.addItem(name, code)
            self.content_language.addItem(name, code)
        self.ui_language.setCurrentIndex(self.ui_language.findData(s.ui_language))
        self.content_language.setCurrentIndex(self.content_language.findData(s.content_language))
        self.font_scale = named(QSpinBox(self, minimum=100, maximum=200, singleStep=10), "fontScale")
        self.font_scale.setSuffix(" %")
        self.font_scale.setValue(s.font_scale)
        self.citizenship = CitizenshipCombo(ctx, self)
        self.citizenship.set_code(s.citizenship)
        self.region = RegionCombo(ctx, self)
        self.region.set_code(s.region)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _i in range(5)]
        for label, field in zip(self.labels, (self.ui_language, self.content_language, self.font_scale,
                                              self.citizenship, self.region), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate()
        on_language_changed(self.retranslate)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Settings"))
        texts = [_("Interface language"), _("Language of the reference texts"), _("Text size"),
                 _("Usual client citizenship"), _("This centre's region")]
        for label, text, field in zip(self.labels, texts, (self.ui_language, self.content_language,
                                                          self.font_scale, self.citizenship, self.region), strict=True):
            label.setText(text + ":")
            field.setAccessibleName(text)
        self.citizenship.retranslate()
        self.region.retranslate()

    def accept(self) -> None:
        from .font_scale import apply_font_scale

        s = self.ctx.settings
        s.font_scale = self.font_scale.value()
        s.citizenship = self.citizenship.code()
        s.region = self.region.code()
        s.content_language = self.content_language.currentData()
        apply_font_scale(s.font_scale)
        s.ui_language = self.ui_language.currentData()
        super().accept()
        set_language(s.ui_language)  # re-renders every window, in the new content language too
