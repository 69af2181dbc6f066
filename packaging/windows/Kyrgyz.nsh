;Language: Kyrgyz (1088) - for Migrant Desk's installer; NSIS ships no Kyrgyz.
;Draft by the development team, to be read by a fluent Kyrgyz reviewer.

!insertmacro LANGFILE "Kyrgyz" = "Кыргызча" "Kyrgyzcha"

!ifdef MUI_WELCOMEPAGE
  ${LangFileString} MUI_TEXT_WELCOME_INFO_TITLE "$(^NameDA) орнотуу устасына кош келиңиз"
  ${LangFileString} MUI_TEXT_WELCOME_INFO_TEXT "Бул программа $(^NameDA) программасын компьютериңизге орнотот.$\r$\n$\r$\nОрнотуудан мурун иштеп жаткан башка программаларды жабуу сунушталат.$\r$\n$\r$\n$_CLICK"
!endif

!ifdef MUI_UNWELCOMEPAGE
  ${LangFileString} MUI_UNTEXT_WELCOME_INFO_TITLE "$(^NameDA) өчүрүү устасына кош келиңиз"
  ${LangFileString} MUI_UNTEXT_WELCOME_INFO_TEXT "Бул программа $(^NameDA) программасын компьютериңизден өчүрөт.$\r$\n$\r$\nӨчүрүүдөн мурун $(^NameDA) жабык экенин текшериңиз.$\r$\n$\r$\n$_CLICK"
!endif

!ifdef MUI_LICENSEPAGE
  ${LangFileString} MUI_TEXT_LICENSE_TITLE "Лицензиялык келишим"
  ${LangFileString} MUI_TEXT_LICENSE_SUBTITLE "$(^NameDA) орнотуудан мурун лицензиялык келишимди окуп чыгыңыз."
  ${LangFileString} MUI_INNERTEXT_LICENSE_BOTTOM "Шарттарына макул болсоңуз, $\"Макулмун$\" баскычын басыңыз. Программаны орнотуу үчүн келишимди кабыл алуу керек."
  ${LangFileString} MUI_INNERTEXT_LICENSE_BOTTOM_CHECKBOX "Шарттарына макул болсоңуз, төмөнкү белгини коюңуз. Программаны орнотуу үчүн келишимди кабыл алуу керек. $_CLICK"
  ${LangFileString} MUI_INNERTEXT_LICENSE_BOTTOM_RADIOBUTTONS "Шарттарына макул болсоңуз, төмөнкү биринчи вариантты тандаңыз. Программаны орнотуу үчүн келишимди кабыл алуу керек. $_CLICK"
!endif

!ifdef MUI_LICENSEPAGE | MUI_UNLICENSEPAGE
  ${LangFileString} MUI_INNERTEXT_LICENSE_TOP "Тексттин калганын көрүү үчүн $\"PageDown$\" баскычын басыңыз."
!endif

!ifdef MUI_COMPONENTSPAGE
  ${LangFileString} MUI_TEXT_COMPONENTS_TITLE "Компоненттер"
  ${LangFileString} MUI_TEXT_COMPONENTS_SUBTITLE "$(^NameDA) программасынын орнотула турган компоненттерин тандаңыз."
!endif

!ifdef MUI_COMPONENTSPAGE | MUI_UNCOMPONENTSPAGE
  ${LangFileString} MUI_INNERTEXT_COMPONENTS_DESCRIPTION_TITLE "Сүрөттөмө"
  ${LangFileString} MUI_INNERTEXT_COMPONENTS_DESCRIPTION_INFO "Компоненттин сүрөттөмөсүн көрүү үчүн чычканды анын үстүнө алып келиңиз."
!endif

!ifdef MUI_DIRECTORYPAGE
  ${LangFileString} MUI_TEXT_DIRECTORY_TITLE "Орнотуу папкасын тандоо"
  ${LangFileString} MUI_TEXT_DIRECTORY_SUBTITLE "$(^NameDA) орнотула турган папканы тандаңыз."
!endif

!ifdef MUI_INSTFILESPAGE
  ${LangFileString} MUI_TEXT_INSTALLING_TITLE "Орнотулууда"
  ${LangFileString} MUI_TEXT_INSTALLING_SUBTITLE "$(^NameDA) орнотулуп жатат, күтө туруңуз..."
  ${LangFileString} MUI_TEXT_FINISH_TITLE "Орнотуу бүттү"
  ${LangFileString} MUI_TEXT_FINISH_SUBTITLE "Орнотуу ийгиликтүү бүттү."
  ${LangFileString} MUI_TEXT_ABORT_TITLE "Орнотуу токтотулду"
  ${LangFileString} MUI_TEXT_ABORT_SUBTITLE "Орнотуу аягына чыккан жок."
!endif

!ifdef MUI_UNINSTFILESPAGE
  ${LangFileString} MUI_UNTEXT_UNINSTALLING_TITLE "Өчүрүлүүдө"
  ${LangFileString} MUI_UNTEXT_UNINSTALLING_SUBTITLE "$(^NameDA) өчүрүлүп жатат, күтө туруңуз..."
  ${LangFileString} MUI_UNTEXT_FINISH_TITLE "Өчүрүү бүттү"
  ${LangFileString} MUI_UNTEXT_FINISH_SUBTITLE "Программа ийгиликтүү өчүрүлдү."
  ${LangFileString} MUI_UNTEXT_ABORT_TITLE "Өчүрүү токтотулду"
  ${LangFileString} MUI_UNTEXT_ABORT_SUBTITLE "Өчүрүү аягына чыккан жок."
!endif

!ifdef MUI_FINISHPAGE
  ${LangFileString} MUI_TEXT_FINISH_INFO_TITLE "$(^NameDA) орнотуу устасы иштин аягына чыкты"
  ${LangFileString} MUI_TEXT_FINISH_INFO_TEXT "$(^NameDA) компьютериңизге орнотулду.$\r$\n$\r$\nОрнотуу устасынан чыгуу үчүн $\"Бүттү$\" баскычын басыңыз."
  ${LangFileString} MUI_TEXT_FINISH_INFO_REBOOT "$(^NameDA) орнотуусун бүтүрүү үчүн компьютерди кайра жүктөө керек. Азыр кайра жүктөйсүзбү?"
!endif

!ifdef MUI_UNFINISHPAGE
  ${LangFileString} MUI_UNTEXT_FINISH_INFO_TITLE "$(^NameDA) өчүрүү устасы иштин аягына чыкты"
  ${LangFileString} MUI_UNTEXT_FINISH_INFO_TEXT "$(^NameDA) компьютериңизден өчүрүлдү.$\r$\n$\r$\nЧыгуу үчүн $\"Бүттү$\" баскычын басыңыз."
  ${LangFileString} MUI_UNTEXT_FINISH_INFO_REBOOT "$(^NameDA) өчүрүүнү бүтүрүү үчүн компьютерди кайра жүктөө керек. Азыр кайра жүктөйсүзбү?"
!endif

!ifdef MUI_FINISHPAGE | MUI_UNFINISHPAGE
  ${LangFileString} MUI_TEXT_FINISH_REBOOTNOW "Ооба, азыр кайра жүктөө"
  ${LangFileString} MUI_TEXT_FINISH_REBOOTLATER "Жок, кийинчерээк өзүм кайра жүктөйм"
  ${LangFileString} MUI_TEXT_FINISH_RUN "$(^NameDA) &ачуу"
  ${LangFileString} MUI_TEXT_FINISH_SHOWREADME "ReadMe файлын &көрсөтүү"
  ${LangFileString} MUI_BUTTONTEXT_FINISH "&Бүттү"
!endif

!ifdef MUI_STARTMENUPAGE
  ${LangFileString} MUI_TEXT_STARTMENU_TITLE "$\"Пуск$\" менюсундагы папка"
  ${LangFileString} MUI_TEXT_STARTMENU_SUBTITLE "Программанын ярлыктары үчүн $\"Пуск$\" менюсундагы папканы тандаңыз."
  ${LangFileString} MUI_INNERTEXT_STARTMENU_TOP "Программанын ярлыктары түзүлө турган $\"Пуск$\" менюсундагы папканы тандаңыз же жаңы аталыш жазыңыз."
  ${LangFileString} MUI_INNERTEXT_STARTMENU_CHECKBOX "Ярлыктарды түзбөө"
!endif

!ifdef MUI_UNCONFIRMPAGE
  ${LangFileString} MUI_UNTEXT_CONFIRM_TITLE "$(^NameDA) өчүрүү"
  ${LangFileString} MUI_UNTEXT_CONFIRM_SUBTITLE "$(^NameDA) компьютериңизден өчүрүлөт."
!endif

!ifdef MUI_ABORTWARNING
  ${LangFileString} MUI_TEXT_ABORTWARNING "$(^Name) орнотуусун чын эле токтотосузбу?"
!endif

!ifdef MUI_UNABORTWARNING
  ${LangFileString} MUI_UNTEXT_ABORTWARNING "$(^Name) өчүрүүнү чын эле токтотосузбу?"
!endif
