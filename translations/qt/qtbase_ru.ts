<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<!-- Qt ships qtbase_ru; this adds only the strings of Qt 6 that its Russian catalog lacks and Migrant Desk
     shows (the file dialog's labels with their keyboard accelerators). Installed after Qt's own, so it is
     consulted first. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Перейти к:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
</TS>
