; Migrant Desk: Windows installer (NSIS 3, Modern UI 2) for the PyInstaller one-folder bundle.
;
; Installs for all users of the PC into Program Files, adds a Start-menu shortcut and an uninstaller
; (Settings > Apps), and asks for the installer's language: Russian, Uzbek, Kyrgyz or English.
; Built on Windows by `python packaging/build.py windows`, which passes everything it needs:
;   makensis /DVERSION=<version> /DVI_VERSION=<4 numbers> /DBUNDLE_DIR=...\migrant-desk /DOUTFILE=...\setup.exe
;            /DICON=...\migrant-desk.ico packaging\windows\migrant-desk.nsi
; The version comes from pyproject.toml through build.py; nothing here repeats it.
; Silent install for IT: setup.exe /S [/D=C:\Path\Without\Quotes]; silent removal: uninstall.exe /S

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION | BUNDLE_DIR | OUTFILE | ICON | VI_VERSION
  !error "Build with packaging/build.py windows (it passes VERSION, VI_VERSION, BUNDLE_DIR, OUTFILE and ICON)."
!endif

!define APP_NAME "Migrant Desk"
!define APP_EXE "migrant-desk.exe"
!define APP_KEY "Software\Migrant Desk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MigrantDesk"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VI_VERSION}"
VIFileVersion "${VI_VERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} installer"
VIAddVersionKey /LANG=0 "LegalCopyright" "Migrant Desk contributors, MIT licence"

!include "MUI2.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_UNABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${APP_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_WINDOWTITLE "Migrant Desk"
!define MUI_LANGDLL_INFO "Выберите язык / Tilni tanlang / Тилди тандаңыз / Choose a language"

; No "run now" box on the last page: the installer runs as administrator, and the app started from it
; would keep its settings in the administrator's profile instead of the advisor's.
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default when Windows' own language is none of these.
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "Uzbek"
!insertmacro MUI_LANGUAGEEX "${__FILEDIR__}" "Kyrgyz"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString NEED_X64 ${LANG_RUSSIAN} "Migrant Desk работает только в 64-разрядной Windows."
LangString NEED_X64 ${LANG_UZBEK} "Migrant Desk faqat 64 bitli Windowsda ishlaydi."
LangString NEED_X64 ${LANG_KYRGYZ} "Migrant Desk 64 биттик Windowsто гана иштейт."
LangString NEED_X64 ${LANG_ENGLISH} "Migrant Desk needs 64-bit Windows."
; The shortcut's tooltip: the app's tagline as its interface catalogs translate it
LangString SHORTCUT_TIP ${LANG_RUSSIAN} "Справочник для консультантов мигрантов"
LangString SHORTCUT_TIP ${LANG_UZBEK} "Migrantlar maslahatchilari uchun maʼlumotnoma"
LangString SHORTCUT_TIP ${LANG_KYRGYZ} "Мигранттардын кеңешчилери үчүн маалымдама"
LangString SHORTCUT_TIP ${LANG_ENGLISH} "Reference for migrant advisors"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(NEED_X64)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Migrant Desk" SecApp
  SectionIn RO
  SetShellVarContext all
  ; An earlier version is replaced whole, so no library of it stays behind. The check for our program
  ; keeps RMDir away from any folder that is not an installation of Migrant Desk.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    RMDir /r "$INSTDIR"
  ${EndIf}
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE_DIR}\*.*"
  ; installed per machine, never in portable mode (user data goes to each user's own folders)
  Delete "$INSTDIR\portable"
  Delete "$INSTDIR\migrant-desk.portable"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(SHORTCUT_TIP)"

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "Migrant Desk contributors"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    RMDir /r "$INSTDIR"
  ${EndIf}
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
  ; Each user's bookmarks, notes, settings, installed data updates and logs (%APPDATA%\Migrant Desk)
  ; belong to that user and stay.
SectionEnd
