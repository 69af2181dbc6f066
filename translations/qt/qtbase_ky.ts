<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ky">
<!-- Qt's own strings that show in Migrant Desk (standard buttons, file, print and preview dialogs).
     Source texts and contexts as in Qt 6 qtbase; the Russian translation of qtbase_ru is given as a
     translator comment. Draft translations by the Migrant Desk team, to be reviewed. -->
<context>
    <name>QComboBox</name>
    <message>
        <source>False</source>
        <translatorcomment>ru: Нет</translatorcomment>
        <translation>Жок</translation>
    </message>
    <message>
        <source>Open the combo box selection popup</source>
        <translatorcomment>ru: Открыть раскрывающийся список</translatorcomment>
        <translation>Ачылма тизмени ачуу</translation>
    </message>
    <message>
        <source>True</source>
        <translatorcomment>ru: Да</translatorcomment>
        <translation>Ооба</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Banner Pages</source>
        <translatorcomment>ru: Гриф</translatorcomment>
        <translation>Купуялык грифи</translation>
    </message>
    <message>
        <source>Billing information:</source>
        <translatorcomment>ru: Платёжная информация:</translatorcomment>
        <translation>Эсеп-кысап маалыматы:</translation>
    </message>
    <message>
        <source>Classified</source>
        <translatorcomment>ru: С ограничением доступа</translatorcomment>
        <translation>Чектелген жеткиликтүүлүк</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translatorcomment>ru: Секретно</translatorcomment>
        <translation>Купуя</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translatorcomment>ru: Днём (с 6:00 по 17:59)</translatorcomment>
        <translation>Күндүз (06:00–17:59)</translation>
    </message>
    <message>
        <source>End:</source>
        <translatorcomment>ru: В конце:</translatorcomment>
        <translation>Аягында:</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translatorcomment>ru: Отложить</translatorcomment>
        <translation>Кийинкиге калтыруу</translation>
    </message>
    <message>
        <source>Job</source>
        <translatorcomment>ru: Задание</translatorcomment>
        <translation>Тапшырма</translation>
    </message>
    <message>
        <source>Job Control</source>
        <translatorcomment>ru: Управление</translatorcomment>
        <translation>Башкаруу</translation>
    </message>
    <message>
        <source>Job priority:</source>
        <translatorcomment>ru: Приоритет:</translatorcomment>
        <translation>Артыкчылык:</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translatorcomment>ru: Ночью (с 18:00 по 5:59)</translatorcomment>
        <translation>Түнкүсүн (18:00–05:59)</translation>
    </message>
    <message>
        <source>None</source>
        <translatorcomment>ru: Нет</translatorcomment>
        <translation>Жок</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translatorcomment>ru: Напечатать сейчас</translatorcomment>
        <translation>Азыр басып чыгаруу</translation>
    </message>
    <message>
        <source>Scheduled printing:</source>
        <translatorcomment>ru: Отложенная печать:</translatorcomment>
        <translation>Кечиктирилген басып чыгаруу:</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translatorcomment>ru: Во вторую смену (с 16:00 по 23:59)</translatorcomment>
        <translation>Экинчи сменада (16:00–23:59)</translation>
    </message>
    <message>
        <source>Secret</source>
        <translatorcomment>ru: Совершенно секретно</translatorcomment>
        <translation>Өтө купуя</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translatorcomment>ru: В определённое время</translatorcomment>
        <translation>Белгиленген убакта</translation>
    </message>
    <message>
        <source>Standard</source>
        <translatorcomment>ru: Стандартная</translatorcomment>
        <translation>Стандарттык</translation>
    </message>
    <message>
        <source>Start:</source>
        <translatorcomment>ru: В начале:</translatorcomment>
        <translation>Башында:</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translatorcomment>ru: В третью смену (с 0:00 по 7:59)</translatorcomment>
        <translation>Үчүнчү сменада (00:00–07:59)</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <translatorcomment>ru: Особой важности</translatorcomment>
        <translation>Өзгөчө маанилүү</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translatorcomment>ru: Без ограничения доступа</translatorcomment>
        <translation>Чектөөсүз</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translatorcomment>ru: В выходные (суббота и воскресенье)</translatorcomment>
        <translation>Дем алыш күндөрү (ишемби жана жекшемби)</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translatorcomment>ru: OK</translatorcomment>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>QErrorMessage</name>
    <message>
        <source>&amp;OK</source>
        <translatorcomment>ru: &amp;Закрыть</translatorcomment>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Show this message again</source>
        <translatorcomment>ru: &amp;Показывать это сообщение в дальнейшем</translatorcomment>
        <translation>Бул билдирүүнү &amp;кайра көрсөтүү</translation>
    </message>
    <message>
        <source>Critical Error:</source>
        <translatorcomment>ru: Критическая ошибка:</translatorcomment>
        <translation>Олуттуу ката:</translation>
    </message>
    <message>
        <source>Debug Message:</source>
        <translatorcomment>ru: Отладочное сообщение:</translatorcomment>
        <translation>Мүчүлүштүктөрдү оңдоо билдирүүсү:</translation>
    </message>
    <message>
        <source>Fatal Error:</source>
        <translatorcomment>ru: Неустранимая ошибка:</translatorcomment>
        <translation>Оңдолбос ката:</translation>
    </message>
    <message>
        <source>Information:</source>
        <translatorcomment>ru: Информация:</translatorcomment>
        <translation>Маалымат:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translatorcomment>ru: Предупреждение:</translatorcomment>
        <translation>Эскертүү:</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translatorcomment>ru: %1
Каталог не найден.
Проверьте правильность указанного имени каталога.</translatorcomment>
        <translation>%1
Папка табылган жок.
Папканын аты туура көрсөтүлгөнүн текшериңиз.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translatorcomment>ru: %1
Файл не найден.
Проверьте правильность указанного имени файла.</translatorcomment>
        <translation>%1
Файл табылган жок.
Файлдын аты туура көрсөтүлгөнүн текшериңиз.</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translatorcomment>ru: Файл %1</translatorcomment>
        <translation>%1 файлы</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translatorcomment>ru: %1 уже существует.
Заменить его?</translatorcomment>
        <translation>%1 мурунтан эле бар.
Аны алмаштырасызбы?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translatorcomment>ru: &amp;Выбрать</translatorcomment>
        <translation>&amp;Тандоо</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translatorcomment>ru: &amp;Удалить</translatorcomment>
        <translation>&amp;Өчүрүү</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translatorcomment>ru: Перейти к:</translatorcomment>
        <translation>&amp;Папкага өтүү:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translatorcomment>ru: &amp;Новая папка</translatorcomment>
        <translation>&amp;Жаңы папка</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translatorcomment>ru: &amp;Открыть</translatorcomment>
        <translation>&amp;Ачуу</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translatorcomment>ru: &amp;Переименовать</translatorcomment>
        <translation>Атын &amp;өзгөртүү</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translatorcomment>ru: &amp;Сохранить</translatorcomment>
        <translation>&amp;Сактоо</translation>
    </message>
    <message>
        <source>'%1' is write protected.
Do you want to delete it anyway?</source>
        <translatorcomment>ru: «%1» защищён от записи.
Действительно удалить?</translatorcomment>
        <translation>«%1» жазуудан корголгон.
Баары бир өчүрөсүзбү?</translation>
    </message>
    <message>
        <source>Alias</source>
        <translatorcomment>ru: Псевдоним</translatorcomment>
        <translation>Псевдоним</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translatorcomment>ru: Все файлы (*)</translatorcomment>
        <translation>Бардык файлдар (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translatorcomment>ru: Все файлы (*)</translatorcomment>
        <translation>Бардык файлдар (*)</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translatorcomment>ru: Alt+Left</translatorcomment>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translatorcomment>ru: Alt+Right</translatorcomment>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translatorcomment>ru: Alt+Up</translatorcomment>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translatorcomment>ru: Действительно удалить «%1»?</translatorcomment>
        <translation>«%1» чын эле өчүрүлсүнбү?</translation>
    </message>
    <message>
        <source>Back</source>
        <translatorcomment>ru: Назад</translatorcomment>
        <translation>Артка</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translatorcomment>ru: Переключить в подробный режим</translatorcomment>
        <translation>Толук көрүнүшкө өтүү</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translatorcomment>ru: Переключить в режим списка</translatorcomment>
        <translation>Тизме көрүнүшүнө өтүү</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translatorcomment>ru: Не удалось удалить каталог.</translatorcomment>
        <translation>Папканы өчүрүү мүмкүн болгон жок.</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translatorcomment>ru: Создать папку</translatorcomment>
        <translation>Папка түзүү</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translatorcomment>ru: Создать новую папку</translatorcomment>
        <translation>Жаңы папка түзүү</translation>
    </message>
    <message>
        <source>Delete</source>
        <translatorcomment>ru: Удалить</translatorcomment>
        <translation>Өчүрүү</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translatorcomment>ru: Подробный вид</translatorcomment>
        <translation>Толук көрүнүш</translation>
    </message>
    <message>
        <source>Directories</source>
        <translatorcomment>ru: Каталоги</translatorcomment>
        <translation>Папкалар</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translatorcomment>ru: Каталог:</translatorcomment>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Drive</source>
        <translatorcomment>ru: Диск</translatorcomment>
        <translation>Диск</translation>
    </message>
    <message>
        <source>File</source>
        <translatorcomment>ru: Файл</translatorcomment>
        <translation>Файл</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translatorcomment>ru: &amp;Имя файла:</translatorcomment>
        <translation>Файлдын &amp;аты:</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translatorcomment>ru: Папка с файлами</translatorcomment>
        <translation>Файлдар папкасы</translation>
    </message>
    <message>
        <source>Files</source>
        <translatorcomment>ru: Файлы</translatorcomment>
        <translation>Файлдар</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translatorcomment>ru: Типы файлов:</translatorcomment>
        <translation>Файлдын түрлөрү:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translatorcomment>ru: Типы файлов:</translatorcomment>
        <translation>Файлдын &amp;түрлөрү:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translatorcomment>ru: Найти каталог</translatorcomment>
        <translation>Папканы табуу</translation>
    </message>
    <message>
        <source>Folder</source>
        <translatorcomment>ru: Папка</translatorcomment>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Forward</source>
        <translatorcomment>ru: Вперёд</translatorcomment>
        <translation>Алга</translation>
    </message>
    <message>
        <source>Go back</source>
        <translatorcomment>ru: Назад</translatorcomment>
        <translation>Артка</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translatorcomment>ru: Вперёд</translatorcomment>
        <translation>Алга</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translatorcomment>ru: Перейти в родительский каталог</translatorcomment>
        <translation>Жогорку папкага өтүү</translation>
    </message>
    <message>
        <source>List View</source>
        <translatorcomment>ru: Список</translatorcomment>
        <translation>Тизме</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translatorcomment>ru: Места и закладки</translatorcomment>
        <translation>Жерлер жана эсбелгилер</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translatorcomment>ru: Перейти к:</translatorcomment>
        <translation>Папкага өтүү:</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translatorcomment>ru: Мой компьютер</translatorcomment>
        <translation>Менин компьютерим</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translatorcomment>ru: Новая папка</translatorcomment>
        <translation>Жаңы папка</translation>
    </message>
    <message>
        <source>Open</source>
        <translatorcomment>ru: Открыть</translatorcomment>
        <translation>Ачуу</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translatorcomment>ru: Родительский каталог</translatorcomment>
        <translation>Жогорку папка</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translatorcomment>ru: Недавние документы</translatorcomment>
        <translation>Акыркы жерлер</translation>
    </message>
    <message>
        <source>Remove</source>
        <translatorcomment>ru: Удалить</translatorcomment>
        <translation>Алып салуу</translation>
    </message>
    <message>
        <source>Save As</source>
        <translatorcomment>ru: Сохранить как</translatorcomment>
        <translation>Башкача сактоо</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translatorcomment>ru: Ярлык</translatorcomment>
        <translation>Ярлык</translation>
    </message>
    <message>
        <source>Show </source>
        <translatorcomment>ru: Показать </translatorcomment>
        <translation>Көрсөтүү </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translatorcomment>ru: Показать ск&amp;рытые файлы</translatorcomment>
        <translation>&amp;Жашыруун файлдарды көрсөтүү</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translatorcomment>ru: Боковая панель</translatorcomment>
        <translation>Каптал панель</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translatorcomment>ru: Неизвестный</translatorcomment>
        <translation>Белгисиз</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translatorcomment>ru: &lt;b&gt;Имя «%1» не может быть использовано.&lt;/b&gt;&lt;p&gt;Попробуйте использовать имя меньшей длины и/или без символов пунктуации.</translatorcomment>
        <translation>&lt;b&gt;«%1» деген атты колдонууга болбойт.&lt;/b&gt;&lt;p&gt;Кыскараак же тыныш белгилери жок башка ат жазып көрүңүз.</translation>
    </message>
    <message>
        <source>Computer</source>
        <translatorcomment>ru: Компьютер</translatorcomment>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translatorcomment>ru: Дата изменения</translatorcomment>
        <translation>Өзгөртүлгөн күнү</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translatorcomment>ru: Некорректное имя файла</translatorcomment>
        <translation>Файлдын аты туура эмес</translation>
    </message>
    <message>
        <source>Kind</source>
        <translatorcomment>ru: Вид</translatorcomment>
        <translation>Түрү</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translatorcomment>ru: Мой компьютер</translatorcomment>
        <translation>Менин компьютерим</translation>
    </message>
    <message>
        <source>Name</source>
        <translatorcomment>ru: Имя</translatorcomment>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Size</source>
        <translatorcomment>ru: Размер</translatorcomment>
        <translation>Өлчөмү</translation>
    </message>
    <message>
        <source>Type</source>
        <translatorcomment>ru: Тип</translatorcomment>
        <translation>Түрү</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Cancel</source>
        <translatorcomment>ru: От&amp;мена</translatorcomment>
        <translation>&amp;Жокко чыгаруу</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translatorcomment>ru: &amp;Закрыть</translatorcomment>
        <translation>&amp;Жабуу</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translatorcomment>ru: &amp;OK</translatorcomment>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translatorcomment>ru: &amp;Сохранить</translatorcomment>
        <translation>&amp;Сактоо</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translatorcomment>ru: Закрыть без сохранения</translatorcomment>
        <translation>Сактабай жабуу</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translatorcomment>ru: Укажите значение:</translatorcomment>
        <translation>Маанини киргизиңиз:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translatorcomment>ru: &amp;Копировать</translatorcomment>
        <translation>&amp;Көчүрүү</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translatorcomment>ru: В&amp;ставить</translatorcomment>
        <translation>&amp;Коюу</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translatorcomment>ru: &amp;Повторить действие</translatorcomment>
        <translation>Аракетти &amp;кайталоо</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translatorcomment>ru: &amp;Отменить действие</translatorcomment>
        <translation>&amp;Аракетти жокко чыгаруу</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translatorcomment>ru: &amp;Вырезать</translatorcomment>
        <translation>&amp;Кесип алуу</translation>
    </message>
    <message>
        <source>Delete</source>
        <translatorcomment>ru: Удалить</translatorcomment>
        <translation>Өчүрүү</translation>
    </message>
    <message>
        <source>Select All</source>
        <translatorcomment>ru: Выделить всё</translatorcomment>
        <translation>Баарын белгилөө</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
        <translatorcomment>ru: &lt;h3&gt;О Qt&lt;/h3&gt;&lt;p&gt;Данная программа использует Qt версии %1.&lt;/p&gt;</translatorcomment>
        <translation>&lt;h3&gt;Qt жөнүндө&lt;/h3&gt;&lt;p&gt;Бул программа Qt %1 версиясын колдонот.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt is a C++ toolkit for cross-platform application development.&lt;/p&gt;&lt;p&gt;Qt provides single-source portability across all major desktop operating systems. It is also available for embedded Linux and other embedded and mobile operating systems.&lt;/p&gt;&lt;p&gt;Qt is available under multiple licensing options designed to accommodate the needs of our various users.&lt;/p&gt;&lt;p&gt;Qt licensed under our commercial license agreement is appropriate for development of proprietary/commercial software where you do not want to share any source code with third parties or otherwise cannot comply with the terms of GNU (L)GPL.&lt;/p&gt;&lt;p&gt;Qt licensed under GNU (L)GPL is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the respective licenses.&lt;/p&gt;&lt;p&gt;Please see &lt;a href="http://%2/"&gt;%2&lt;/a&gt; for an overview of Qt licensing.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd and other contributors.&lt;/p&gt;&lt;p&gt;Qt and the Qt logo are trademarks of The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt is The Qt Company Ltd product developed as an open source project. See &lt;a href="http://%3/"&gt;%3&lt;/a&gt; for more information.&lt;/p&gt;</source>
        <translatorcomment>ru: &lt;p&gt;Qt is a C++ toolkit for cross-platform application development.&lt;/p&gt;&lt;p&gt;Qt provides single-source portability across all major desktop operating systems. It is also available for embedded Linux and other embedded and mobile operating systems.&lt;/p&gt;&lt;p&gt;Qt is available under multiple licensing options designed to accommodate the needs of our various users.&lt;/p&gt;&lt;p&gt;Qt licensed under our commercial license agreement is appropriate for development of proprietary/commercial software where you do not want to share any source code with third parties or otherwise cannot comply with the terms of GNU (L)GPL.&lt;/p&gt;&lt;p&gt;Qt licensed under GNU (L)GPL is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the respective licenses.&lt;/p&gt;&lt;p&gt;Please see &lt;a href="http://%2/"&gt;%2&lt;/a&gt; for an overview of Qt licensing.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd and other contributors.&lt;/p&gt;&lt;p&gt;Qt and the Qt logo are trademarks of The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt is The Qt Company Ltd product developed as an open source project. See &lt;a href="http://%3/"&gt;%3&lt;/a&gt; for more information.&lt;/p&gt;</translatorcomment>
        <translation>&lt;p&gt;Qt — ар кандай платформалар үчүн тиркемелерди иштеп чыгууга арналган C++ куралдар топтому.&lt;/p&gt;&lt;p&gt;Qt бир эле баштапкы код менен бардык негизги иш столу операциялык системаларында иштейт. Ал ошондой эле камтылган Linux жана башка камтылган жана мобилдик операциялык системалар үчүн жеткиликтүү.&lt;/p&gt;&lt;p&gt;Qt ар түрдүү колдонуучулардын муктаждыктарына ылайыкталган бир нече лицензиялык шарттар менен жеткиликтүү.&lt;/p&gt;&lt;p&gt;Биздин коммерциялык лицензиялык келишим боюнча лицензияланган Qt баштапкы кодду үчүнчү тараптар менен бөлүшкүңүз келбесе же GNU (L)GPL шарттарын сактай албасаңыз, менчик/коммерциялык программаларды иштеп чыгуу үчүн ылайыктуу.&lt;/p&gt;&lt;p&gt;GNU (L)GPL боюнча лицензияланган Qt тиешелүү лицензиялардын шарттарын сактай алсаңыз, Qt&amp;nbsp;тиркемелерин иштеп чыгуу үчүн ылайыктуу.&lt;/p&gt;&lt;p&gt;Qt лицензиялары жөнүндө жалпы маалымат үчүн &lt;a href="http://%2/"&gt;%2&lt;/a&gt; караңыз.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd жана башка катышуучулар.&lt;/p&gt;&lt;p&gt;Qt жана Qt логотиби — The Qt Company Ltd компаниясынын соода белгилери.&lt;/p&gt;&lt;p&gt;Qt — ачык булак долбоору катары иштелип чыккан The Qt Company Ltd компаниясынын продукту. Кеңири маалымат: &lt;a href="http://%3/"&gt;%3&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translatorcomment>ru: О Qt</translatorcomment>
        <translation>Qt жөнүндө</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translatorcomment>ru: Скрыть подробности...</translatorcomment>
        <translation>Чоо-жайын жашыруу...</translation>
    </message>
    <message>
        <source>Show Details...</source>
        <translatorcomment>ru: Показать подробности...</translatorcomment>
        <translation>Чоо-жайын көрсөтүү...</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>CC</source>
        <translatorcomment>ru: CC</translatorcomment>
        <translation>CC</translation>
    </message>
    <message>
        <source>Cicero (CC)</source>
        <translatorcomment>ru: Цицеро (CC)</translatorcomment>
        <translation>Цицеро (CC)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translatorcomment>ru: Особый</translatorcomment>
        <translation>Атайын</translation>
    </message>
    <message>
        <source>DD</source>
        <translatorcomment>ru: DD</translatorcomment>
        <translation>DD</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translatorcomment>ru: Дидо (DD)</translatorcomment>
        <translation>Дидо (DD)</translation>
    </message>
    <message>
        <source>Form</source>
        <translatorcomment>ru: Форма</translatorcomment>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Height:</source>
        <translatorcomment>ru: Высота:</translatorcomment>
        <translation>Бийиктиги:</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translatorcomment>ru: Дюймы (дм)</translatorcomment>
        <translation>Дюйм (in)</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translatorcomment>ru: Альбомная</translatorcomment>
        <translation>Туурасынан</translation>
    </message>
    <message>
        <source>Margins</source>
        <translatorcomment>ru: Поля</translatorcomment>
        <translation>Четтер</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translatorcomment>ru: Миллиметры (мм)</translatorcomment>
        <translation>Миллиметр (мм)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translatorcomment>ru: Ориентация</translatorcomment>
        <translation>Багыты</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translatorcomment>ru: Размещение страниц</translatorcomment>
        <translation>Барактардын жайгашуусу</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translatorcomment>ru: Порядок страниц:</translatorcomment>
        <translation>Барактардын тартиби:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translatorcomment>ru: Размер страницы:</translatorcomment>
        <translation>Барактын өлчөмү:</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translatorcomment>ru: Страниц на листе:</translatorcomment>
        <translation>Бир кагаздагы барактар:</translation>
    </message>
    <message>
        <source>Paper</source>
        <translatorcomment>ru: Бумага</translatorcomment>
        <translation>Кагаз</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translatorcomment>ru: Источник бумаги:</translatorcomment>
        <translation>Кагаз булагы:</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translatorcomment>ru: Пика (P̸)</translatorcomment>
        <translation>Пика (P̸)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translatorcomment>ru: Пункты (пт)</translatorcomment>
        <translation>Пункт (пт)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translatorcomment>ru: Книжная</translatorcomment>
        <translation>Тигинен</translation>
    </message>
    <message>
        <source>P̸</source>
        <translatorcomment>ru: P̸</translatorcomment>
        <translation>P̸</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translatorcomment>ru: Перевёрнутая альбомная</translatorcomment>
        <translation>Тескери туурасынан</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translatorcomment>ru: Перевёрнутая книжная</translatorcomment>
        <translation>Тескери тигинен</translation>
    </message>
    <message>
        <source>Width:</source>
        <translatorcomment>ru: Ширина:</translatorcomment>
        <translation>Туурасы:</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translatorcomment>ru: нижнее поле</translatorcomment>
        <translation>ылдыйкы чет</translation>
    </message>
    <message>
        <source>in</source>
        <translatorcomment>ru: дм</translatorcomment>
        <translation>in</translation>
    </message>
    <message>
        <source>left margin</source>
        <translatorcomment>ru: левое поле</translatorcomment>
        <translation>сол чет</translation>
    </message>
    <message>
        <source>mm</source>
        <translatorcomment>ru: мм</translatorcomment>
        <translation>мм</translation>
    </message>
    <message>
        <source>pt</source>
        <translatorcomment>ru: пт</translatorcomment>
        <translation>пт</translation>
    </message>
    <message>
        <source>right margin</source>
        <translatorcomment>ru: правое поле</translatorcomment>
        <translation>оң чет</translation>
    </message>
    <message>
        <source>top margin</source>
        <translatorcomment>ru: верхнее поле</translatorcomment>
        <translation>үстүңкү чет</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translatorcomment>ru: &amp;Нет</translatorcomment>
        <translation>&amp;Жок</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translatorcomment>ru: &amp;Да</translatorcomment>
        <translation>&amp;Ооба</translation>
    </message>
    <message>
        <source>Abort</source>
        <translatorcomment>ru: Прервать</translatorcomment>
        <translation>Токтотуу</translation>
    </message>
    <message>
        <source>Apply</source>
        <translatorcomment>ru: Применить</translatorcomment>
        <translation>Колдонуу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>ru: Отмена</translatorcomment>
        <translation>Жокко чыгаруу</translation>
    </message>
    <message>
        <source>Close</source>
        <translatorcomment>ru: Закрыть</translatorcomment>
        <translation>Жабуу</translation>
    </message>
    <message>
        <source>Discard</source>
        <translatorcomment>ru: Отклонить</translatorcomment>
        <translation>Сактабоо</translation>
    </message>
    <message>
        <source>Help</source>
        <translatorcomment>ru: Справка</translatorcomment>
        <translation>Жардам</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translatorcomment>ru: Пропустить</translatorcomment>
        <translation>Көңүл бурбоо</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translatorcomment>ru: Н&amp;ет для всех</translatorcomment>
        <translation>Баарына ж&amp;ок</translation>
    </message>
    <message>
        <source>OK</source>
        <translatorcomment>ru: OK</translatorcomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open</source>
        <translatorcomment>ru: Открыть</translatorcomment>
        <translation>Ачуу</translation>
    </message>
    <message>
        <source>Reset</source>
        <translatorcomment>ru: Сбросить</translatorcomment>
        <translation>Баштапкы абалга келтирүү</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translatorcomment>ru: По умолчанию</translatorcomment>
        <translation>Демейки жөндөөлөр</translation>
    </message>
    <message>
        <source>Retry</source>
        <translatorcomment>ru: Повторить</translatorcomment>
        <translation>Кайра аракет кылуу</translation>
    </message>
    <message>
        <source>Save</source>
        <translatorcomment>ru: Сохранить</translatorcomment>
        <translation>Сактоо</translation>
    </message>
    <message>
        <source>Save All</source>
        <translatorcomment>ru: Сохранить все</translatorcomment>
        <translation>Баарын сактоо</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translatorcomment>ru: Да для &amp;всех</translatorcomment>
        <translation>&amp;Баарына ооба</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translatorcomment>ru: %1 уже существует.
Заменить его?</translatorcomment>
        <translation>%1 мурунтан эле бар.
Анын үстүнөн жазасызбы?</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source>
        <translatorcomment>ru: %1 имеет некорректный синтаксис. Используйте «,» для разделения страниц и диапазонов, а «-» — для определения диапазонов. Пересекающиеся диапазоны недопустимы.</translatorcomment>
        <translation>%1 туура эмес жазылган. Барактарды жана аралыктарды бөлүү үчүн «,», аралыктарды белгилөө үчүн «-» белгисин колдонуңуз. Аралыктар бири-бири менен кесилишпеши керек.</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translatorcomment>ru: %1 ― это каталог.
Выберите другое имя файла.</translatorcomment>
        <translation>%1 — бул папка.
Файлдын башка атын тандаңыз.</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translatorcomment>ru: &amp;Параметры &lt;&lt;</translatorcomment>
        <translation>&amp;Параметрлер &lt;&lt;</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translatorcomment>ru: &amp;Параметры &gt;&gt;</translatorcomment>
        <translation>&amp;Параметрлер &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translatorcomment>ru: &amp;Печать</translatorcomment>
        <translation>&amp;Басып чыгаруу</translation>
    </message>
    <message>
        <source>1 (1x1)</source>
        <translatorcomment>ru: 1 (1x1)</translatorcomment>
        <translation>1 (1x1)</translation>
    </message>
    <message>
        <source>16 (4x4)</source>
        <translatorcomment>ru: 16 (4x4)</translatorcomment>
        <translation>16 (4x4)</translation>
    </message>
    <message>
        <source>2 (2x1)</source>
        <translatorcomment>ru: 2 (2x1)</translatorcomment>
        <translation>2 (2x1)</translation>
    </message>
    <message>
        <source>4 (2x2)</source>
        <translatorcomment>ru: 4 (2x2)</translatorcomment>
        <translation>4 (2x2)</translation>
    </message>
    <message>
        <source>6 (2x3)</source>
        <translatorcomment>ru: 6 (2x3)</translatorcomment>
        <translation>6 (2x3)</translation>
    </message>
    <message>
        <source>9 (3x3)</source>
        <translatorcomment>ru: 9 (3x3)</translatorcomment>
        <translation>9 (3x3)</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translatorcomment>ru: Все страницы</translatorcomment>
        <translation>Бардык барактар</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translatorcomment>ru: Снизу вверх, слева направо</translatorcomment>
        <translation>Ылдыйдан өйдө, солдон оңго</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translatorcomment>ru: Снизу вверх, справа налево</translatorcomment>
        <translation>Ылдыйдан өйдө, оңдон солго</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translatorcomment>ru: Противоречия в настройках двусторонней печати</translatorcomment>
        <translation>Эки тараптуу басып чыгаруунун жөндөөлөрүндө карама-каршылык</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translatorcomment>ru: Чётные</translatorcomment>
        <translation>Жуп барактар</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translatorcomment>ru: %1 недоступен для записи.
Выберите другое имя файла.</translatorcomment>
        <translation>%1 файлына жазуу мүмкүн эмес.
Файлдын башка атын тандаңыз.</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translatorcomment>ru: Неверное определение страницы</translatorcomment>
        <translation>Барактар туура эмес көрсөтүлгөн</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translatorcomment>ru: Слева направо, снизу вверх</translatorcomment>
        <translation>Солдон оңго, ылдыйдан өйдө</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translatorcomment>ru: Слева направо, сверху вниз</translatorcomment>
        <translation>Солдон оңго, үстүнөн ылдый</translation>
    </message>
    <message>
        <source>Local file</source>
        <translatorcomment>ru: Локальный файл</translatorcomment>
        <translation>Жергиликтүү файл</translation>
    </message>
    <message>
        <source>OK</source>
        <translatorcomment>ru: OK</translatorcomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translatorcomment>ru: Нечётные</translatorcomment>
        <translation>Так барактар</translation>
    </message>
    <message>
        <source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.
Please turn one of those options off.</source>
        <translatorcomment>ru: Параметры «Страниц на листе» и «Список страниц» не могут использоваться одновременно.
Отключите один из них.</translatorcomment>
        <translation>«Бир кагаздагы барактар» жана «Барактар топтому» параметрлерин бирге колдонууга болбойт.
Алардын бирин өчүрүңүз.</translation>
    </message>
    <message>
        <source>Print</source>
        <translatorcomment>ru: Печать</translatorcomment>
        <translation>Басып чыгаруу</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translatorcomment>ru: Печать в файл ...</translatorcomment>
        <translation>Файлга басып чыгаруу ...</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translatorcomment>ru: Печать в файл (PDF)</translatorcomment>
        <translation>Файлга басып чыгаруу (PDF)</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translatorcomment>ru: Справа налево, снизу вверх</translatorcomment>
        <translation>Оңдон солго, ылдыйдан өйдө</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translatorcomment>ru: Справа налево, сверху вниз</translatorcomment>
        <translation>Оңдон солго, үстүнөн ылдый</translation>
    </message>
    <message>
        <source>The 'From' value cannot be greater than the 'To' value.</source>
        <translatorcomment>ru: Значение «с» не может быть больше значения «по».</translatorcomment>
        <translation>Баштапкы барактын номери акыркы барактын номеринен чоң болбошу керек.</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translatorcomment>ru: Обнаружены противоречия в настройках двусторонней печати. Устранить?</translatorcomment>
        <translation>Эки тараптуу басып чыгаруунун жөндөөлөрүндө карама-каршылыктар бар. Аларды оңдойсузбу?</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translatorcomment>ru: Сверху вниз, слева направо</translatorcomment>
        <translation>Үстүнөн ылдый, солдон оңго</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translatorcomment>ru: Сверху вниз, справа налево</translatorcomment>
        <translation>Үстүнөн ылдый, оңдон солго</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translatorcomment>ru: Запись файла PDF</translatorcomment>
        <translation>PDF файлын жазуу</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>%1%</source>
        <translatorcomment>ru: %1%</translatorcomment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translatorcomment>ru: Экспорт в PDF</translatorcomment>
        <translation>PDF катары сактоо</translation>
    </message>
    <message>
        <source>First page</source>
        <translatorcomment>ru: Первая страница</translatorcomment>
        <translation>Биринчи барак</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translatorcomment>ru: На всю страницу</translatorcomment>
        <translation>Барак толугу менен</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translatorcomment>ru: По ширине</translatorcomment>
        <translation>Туурасы боюнча</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translatorcomment>ru: Альбомная</translatorcomment>
        <translation>Туурасынан</translation>
    </message>
    <message>
        <source>Last page</source>
        <translatorcomment>ru: Последняя страница</translatorcomment>
        <translation>Акыркы барак</translation>
    </message>
    <message>
        <source>Next page</source>
        <translatorcomment>ru: Следующая страница</translatorcomment>
        <translation>Кийинки барак</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translatorcomment>ru: Параметры страницы</translatorcomment>
        <translation>Барактын жөндөөлөрү</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translatorcomment>ru: Параметры страницы</translatorcomment>
        <translation>Барактын жөндөөлөрү</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translatorcomment>ru: Книжная</translatorcomment>
        <translation>Тигинен</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translatorcomment>ru: Предыдущая страница</translatorcomment>
        <translation>Мурунку барак</translation>
    </message>
    <message>
        <source>Print</source>
        <translatorcomment>ru: Печать</translatorcomment>
        <translation>Басып чыгаруу</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translatorcomment>ru: Просмотр печати</translatorcomment>
        <translation>Алдын ала көрүү</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translatorcomment>ru: Показать титульные страницы</translatorcomment>
        <translation>Жанаша барактарды көрсөтүү</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translatorcomment>ru: Показать обзор всех страниц</translatorcomment>
        <translation>Бардык барактарды көрсөтүү</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translatorcomment>ru: Показать одну страницу</translatorcomment>
        <translation>Бир баракты көрсөтүү</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translatorcomment>ru: Увеличить</translatorcomment>
        <translation>Чоңойтуу</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translatorcomment>ru: Уменьшить</translatorcomment>
        <translation>Кичирейтүү</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Advanced Option Conflicts</source>
        <translatorcomment>ru: Противоречия расширенных настроек</translatorcomment>
        <translation>Кошумча жөндөөлөрдөгү карама-каршылыктар</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translatorcomment>ru: Параметры задания</translatorcomment>
        <translation>Тапшырманын параметрлери</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translatorcomment>ru: Противоречия в настройках страницы</translatorcomment>
        <translation>Барактын жөндөөлөрүндөгү карама-каршылыктар</translation>
    </message>
    <message>
        <source>Printer Properties</source>
        <translatorcomment>ru: Свойства принтера</translatorcomment>
        <translation>Принтердин касиеттери</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translatorcomment>ru: Обнаружены противоречия в настройках страницы. Устранить?</translatorcomment>
        <translation>Барактын жөндөөлөрүндө карама-каршылыктар бар. Аларды оңдойсузбу?</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translatorcomment>ru: Обнаружены противоречия в некоторых расширенных настройках. Устранить?</translatorcomment>
        <translation>Айрым кошумча жөндөөлөрдө карама-каршылыктар бар. Аларды оңдойсузбу?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translatorcomment>ru: Расширенные</translatorcomment>
        <translation>Кошумча</translation>
    </message>
    <message>
        <source>Form</source>
        <translatorcomment>ru: Форма</translatorcomment>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Page</source>
        <translatorcomment>ru: Страница</translatorcomment>
        <translation>Барак</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translatorcomment>ru: Обнаружены противоречия в некоторых настройках. Устраните их.</translatorcomment>
        <translation>Айрым жөндөөлөрдө карама-каршылыктар бар. Аларды оңдоңуз.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Collate</source>
        <translatorcomment>ru: Разобрать по копиям</translatorcomment>
        <translation>Нускалар боюнча иреттөө</translation>
    </message>
    <message>
        <source>Color</source>
        <translatorcomment>ru: Цвет</translatorcomment>
        <translation>Түстүү</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translatorcomment>ru: Режим цвета</translatorcomment>
        <translation>Түс режими</translation>
    </message>
    <message>
        <source>Copies</source>
        <translatorcomment>ru: Копии</translatorcomment>
        <translation>Нускалар</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translatorcomment>ru: Количество копий:</translatorcomment>
        <translation>Нускалардын саны:</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translatorcomment>ru: Текущая страница</translatorcomment>
        <translation>Учурдагы барак</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translatorcomment>ru: Двусторонняя печать</translatorcomment>
        <translation>Эки тараптуу басып чыгаруу</translation>
    </message>
    <message>
        <source>Form</source>
        <translatorcomment>ru: </translatorcomment>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translatorcomment>ru: Оттенки серого</translatorcomment>
        <translation>Боз түстө</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translatorcomment>ru: Переплёт по длинной стороне</translatorcomment>
        <translation>Узун тарабы боюнча түптөө</translation>
    </message>
    <message>
        <source>Off</source>
        <translatorcomment>ru: Отключена</translatorcomment>
        <translation>Өчүк</translation>
    </message>
    <message>
        <source>Options</source>
        <translatorcomment>ru: Параметры</translatorcomment>
        <translation>Параметрлер</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translatorcomment>ru: Настройки вывода</translatorcomment>
        <translation>Чыгаруунун жөндөөлөрү</translation>
    </message>
    <message>
        <source>Page Set:</source>
        <translatorcomment>ru: Список страниц:</translatorcomment>
        <translation>Барактар топтому:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translatorcomment>ru: Страницы</translatorcomment>
        <translation>Барактар</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translatorcomment>ru: Страницы с</translatorcomment>
        <translation>Барактар: башы</translation>
    </message>
    <message>
        <source>Print all</source>
        <translatorcomment>ru: Все</translatorcomment>
        <translation>Баары</translation>
    </message>
    <message>
        <source>Print range</source>
        <translatorcomment>ru: Диапазон печати</translatorcomment>
        <translation>Басып чыгаруу аралыгы</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translatorcomment>ru: Обратный порядок</translatorcomment>
        <translation>Тескери тартипте</translation>
    </message>
    <message>
        <source>Selection</source>
        <translatorcomment>ru: Выделенный фрагмент</translatorcomment>
        <translation>Белгиленген бөлүк</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translatorcomment>ru: Переплёт по короткой стороне</translatorcomment>
        <translation>Кыска тарабы боюнча түптөө</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translatorcomment>ru: Укажите страницы или диапазоны, разделяя их запятыми. Диапазоны задаются двумя числами, разделёнными дефисом. Например: при указании 3,5-7,9 будут напечатаны страницы 3, 5, 6, 7 и 9.</translatorcomment>
        <translation>Барактарды же аралыктарды үтүр менен бөлүп жазыңыз. Аралык дефис менен бөлүнгөн эки сан менен берилет. Мисалы: 3,5-7,9 деп жазсаңыз, 3, 5, 6, 7 жана 9-барактар басылып чыгат.</translation>
    </message>
    <message>
        <source>to</source>
        <translatorcomment>ru: по</translatorcomment>
        <translation>аягы</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>&amp;Name:</source>
        <translatorcomment>ru: &amp;Название:</translatorcomment>
        <translation>&amp;Аты:</translation>
    </message>
    <message>
        <source>...</source>
        <translatorcomment>ru: ...</translatorcomment>
        <translation>...</translation>
    </message>
    <message>
        <source>Form</source>
        <translatorcomment>ru: Форма</translatorcomment>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Location:</source>
        <translatorcomment>ru: Расположение:</translatorcomment>
        <translation>Жайгашкан жери:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translatorcomment>ru: Вывод в &amp;файл:</translatorcomment>
        <translation>Чыгаруу &amp;файлы:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translatorcomment>ru: С&amp;войства</translatorcomment>
        <translation>&amp;Касиеттер</translation>
    </message>
    <message>
        <source>Preview</source>
        <translatorcomment>ru: Просмотр</translatorcomment>
        <translation>Алдын ала көрүү</translation>
    </message>
    <message>
        <source>Printer</source>
        <translatorcomment>ru: Принтер</translatorcomment>
        <translation>Принтер</translation>
    </message>
    <message>
        <source>Type:</source>
        <translatorcomment>ru: Тип:</translatorcomment>
        <translation>Түрү:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translatorcomment>ru: Отменить</translatorcomment>
        <translation>Жокко чыгаруу</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translatorcomment>ru: &amp;Копировать</translatorcomment>
        <translation>&amp;Көчүрүү</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translatorcomment>ru: В&amp;ставить</translatorcomment>
        <translation>&amp;Коюу</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translatorcomment>ru: &amp;Повторить действие</translatorcomment>
        <translation>Аракетти &amp;кайталоо</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translatorcomment>ru: &amp;Отменить действие</translatorcomment>
        <translation>&amp;Аракетти жокко чыгаруу</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translatorcomment>ru: Скопировать &amp;адрес ссылки</translatorcomment>
        <translation>Шилтеменин &amp;дарегин көчүрүү</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translatorcomment>ru: &amp;Вырезать</translatorcomment>
        <translation>&amp;Кесип алуу</translation>
    </message>
    <message>
        <source>Delete</source>
        <translatorcomment>ru: Удалить</translatorcomment>
        <translation>Өчүрүү</translation>
    </message>
    <message>
        <source>Select All</source>
        <translatorcomment>ru: Выделить всё</translatorcomment>
        <translation>Баарын белгилөө</translation>
    </message>
</context>
</TS>
