<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uz">
<!-- Qt's own strings that show in Migrant Desk (standard buttons, file, print and preview dialogs).
     Source texts and contexts as in Qt 6 qtbase; the Russian translation of qtbase_ru is given as a
     translator comment. Draft translations by the Migrant Desk team, to be reviewed. -->
<context>
    <name>QComboBox</name>
    <message>
        <source>False</source>
        <translatorcomment>ru: Нет</translatorcomment>
        <translation>Yoʻq</translation>
    </message>
    <message>
        <source>Open the combo box selection popup</source>
        <translatorcomment>ru: Открыть раскрывающийся список</translatorcomment>
        <translation>Ochiladigan roʻyxatni ochish</translation>
    </message>
    <message>
        <source>True</source>
        <translatorcomment>ru: Да</translatorcomment>
        <translation>Ha</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Banner Pages</source>
        <translatorcomment>ru: Гриф</translatorcomment>
        <translation>Maxfiylik grifi</translation>
    </message>
    <message>
        <source>Billing information:</source>
        <translatorcomment>ru: Платёжная информация:</translatorcomment>
        <translation>Hisob-kitob maʼlumoti:</translation>
    </message>
    <message>
        <source>Classified</source>
        <translatorcomment>ru: С ограничением доступа</translatorcomment>
        <translation>Cheklangan foydalanish</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translatorcomment>ru: Секретно</translatorcomment>
        <translation>Maxfiy</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translatorcomment>ru: Днём (с 6:00 по 17:59)</translatorcomment>
        <translation>Kunduzi (06:00–17:59)</translation>
    </message>
    <message>
        <source>End:</source>
        <translatorcomment>ru: В конце:</translatorcomment>
        <translation>Oxirida:</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translatorcomment>ru: Отложить</translatorcomment>
        <translation>Kechiktirish</translation>
    </message>
    <message>
        <source>Job</source>
        <translatorcomment>ru: Задание</translatorcomment>
        <translation>Topshiriq</translation>
    </message>
    <message>
        <source>Job Control</source>
        <translatorcomment>ru: Управление</translatorcomment>
        <translation>Boshqaruv</translation>
    </message>
    <message>
        <source>Job priority:</source>
        <translatorcomment>ru: Приоритет:</translatorcomment>
        <translation>Ustuvorlik:</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translatorcomment>ru: Ночью (с 18:00 по 5:59)</translatorcomment>
        <translation>Tunda (18:00–05:59)</translation>
    </message>
    <message>
        <source>None</source>
        <translatorcomment>ru: Нет</translatorcomment>
        <translation>Yoʻq</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translatorcomment>ru: Напечатать сейчас</translatorcomment>
        <translation>Hozir chop etish</translation>
    </message>
    <message>
        <source>Scheduled printing:</source>
        <translatorcomment>ru: Отложенная печать:</translatorcomment>
        <translation>Kechiktirilgan chop etish:</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translatorcomment>ru: Во вторую смену (с 16:00 по 23:59)</translatorcomment>
        <translation>Ikkinchi smenada (16:00–23:59)</translation>
    </message>
    <message>
        <source>Secret</source>
        <translatorcomment>ru: Совершенно секретно</translatorcomment>
        <translation>Oʻta maxfiy</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translatorcomment>ru: В определённое время</translatorcomment>
        <translation>Belgilangan vaqtda</translation>
    </message>
    <message>
        <source>Standard</source>
        <translatorcomment>ru: Стандартная</translatorcomment>
        <translation>Standart</translation>
    </message>
    <message>
        <source>Start:</source>
        <translatorcomment>ru: В начале:</translatorcomment>
        <translation>Boshida:</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translatorcomment>ru: В третью смену (с 0:00 по 7:59)</translatorcomment>
        <translation>Uchinchi smenada (00:00–07:59)</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <translatorcomment>ru: Особой важности</translatorcomment>
        <translation>Alohida ahamiyatli</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translatorcomment>ru: Без ограничения доступа</translatorcomment>
        <translation>Cheklovsiz</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translatorcomment>ru: В выходные (суббота и воскресенье)</translatorcomment>
        <translation>Dam olish kunlarida (shanba va yakshanba)</translation>
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
        <translation>Bu xabarni &amp;yana koʻrsatish</translation>
    </message>
    <message>
        <source>Critical Error:</source>
        <translatorcomment>ru: Критическая ошибка:</translatorcomment>
        <translation>Jiddiy xatolik:</translation>
    </message>
    <message>
        <source>Debug Message:</source>
        <translatorcomment>ru: Отладочное сообщение:</translatorcomment>
        <translation>Nosozliklarni tuzatish xabari:</translation>
    </message>
    <message>
        <source>Fatal Error:</source>
        <translatorcomment>ru: Неустранимая ошибка:</translatorcomment>
        <translation>Tuzatib boʻlmaydigan xatolik:</translation>
    </message>
    <message>
        <source>Information:</source>
        <translatorcomment>ru: Информация:</translatorcomment>
        <translation>Maʼlumot:</translation>
    </message>
    <message>
        <source>Warning:</source>
        <translatorcomment>ru: Предупреждение:</translatorcomment>
        <translation>Ogohlantirish:</translation>
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
Jild topilmadi.
Jild nomi toʻgʻri koʻrsatilganini tekshiring.</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translatorcomment>ru: %1
Файл не найден.
Проверьте правильность указанного имени файла.</translatorcomment>
        <translation>%1
Fayl topilmadi.
Fayl nomi toʻgʻri koʻrsatilganini tekshiring.</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translatorcomment>ru: Файл %1</translatorcomment>
        <translation>%1 fayli</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translatorcomment>ru: %1 уже существует.
Заменить его?</translatorcomment>
        <translation>%1 allaqachon mavjud.
Uni almashtirasizmi?</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translatorcomment>ru: &amp;Выбрать</translatorcomment>
        <translation>&amp;Tanlash</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translatorcomment>ru: &amp;Удалить</translatorcomment>
        <translation>&amp;Oʻchirish</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translatorcomment>ru: Перейти к:</translatorcomment>
        <translation>&amp;Jildga oʻtish:</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translatorcomment>ru: &amp;Новая папка</translatorcomment>
        <translation>&amp;Yangi jild</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translatorcomment>ru: &amp;Открыть</translatorcomment>
        <translation>&amp;Ochish</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translatorcomment>ru: &amp;Переименовать</translatorcomment>
        <translation>&amp;Nomini oʻzgartirish</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translatorcomment>ru: &amp;Сохранить</translatorcomment>
        <translation>&amp;Saqlash</translation>
    </message>
    <message>
        <source>'%1' is write protected.
Do you want to delete it anyway?</source>
        <translatorcomment>ru: «%1» защищён от записи.
Действительно удалить?</translatorcomment>
        <translation>«%1» yozishdan himoyalangan.
Baribir oʻchirilsinmi?</translation>
    </message>
    <message>
        <source>Alias</source>
        <translatorcomment>ru: Псевдоним</translatorcomment>
        <translation>Taxallus</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translatorcomment>ru: Все файлы (*)</translatorcomment>
        <translation>Barcha fayllar (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translatorcomment>ru: Все файлы (*)</translatorcomment>
        <translation>Barcha fayllar (*)</translation>
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
        <translation>«%1» rostdan ham oʻchirilsinmi?</translation>
    </message>
    <message>
        <source>Back</source>
        <translatorcomment>ru: Назад</translatorcomment>
        <translation>Orqaga</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translatorcomment>ru: Переключить в подробный режим</translatorcomment>
        <translation>Batafsil koʻrinishga oʻtish</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translatorcomment>ru: Переключить в режим списка</translatorcomment>
        <translation>Roʻyxat koʻrinishiga oʻtish</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translatorcomment>ru: Не удалось удалить каталог.</translatorcomment>
        <translation>Jildni oʻchirib boʻlmadi.</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translatorcomment>ru: Создать папку</translatorcomment>
        <translation>Jild yaratish</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translatorcomment>ru: Создать новую папку</translatorcomment>
        <translation>Yangi jild yaratish</translation>
    </message>
    <message>
        <source>Delete</source>
        <translatorcomment>ru: Удалить</translatorcomment>
        <translation>Oʻchirish</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translatorcomment>ru: Подробный вид</translatorcomment>
        <translation>Batafsil koʻrinish</translation>
    </message>
    <message>
        <source>Directories</source>
        <translatorcomment>ru: Каталоги</translatorcomment>
        <translation>Jildlar</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translatorcomment>ru: Каталог:</translatorcomment>
        <translation>Jild:</translation>
    </message>
    <message>
        <source>Drive</source>
        <translatorcomment>ru: Диск</translatorcomment>
        <translation>Disk</translation>
    </message>
    <message>
        <source>File</source>
        <translatorcomment>ru: Файл</translatorcomment>
        <translation>Fayl</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translatorcomment>ru: &amp;Имя файла:</translatorcomment>
        <translation>Fayl &amp;nomi:</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translatorcomment>ru: Папка с файлами</translatorcomment>
        <translation>Fayllar jildi</translation>
    </message>
    <message>
        <source>Files</source>
        <translatorcomment>ru: Файлы</translatorcomment>
        <translation>Fayllar</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translatorcomment>ru: Типы файлов:</translatorcomment>
        <translation>Fayl turlari:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translatorcomment>ru: Типы файлов:</translatorcomment>
        <translation>Fayl &amp;turlari:</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translatorcomment>ru: Найти каталог</translatorcomment>
        <translation>Jildni topish</translation>
    </message>
    <message>
        <source>Folder</source>
        <translatorcomment>ru: Папка</translatorcomment>
        <translation>Jild</translation>
    </message>
    <message>
        <source>Forward</source>
        <translatorcomment>ru: Вперёд</translatorcomment>
        <translation>Oldinga</translation>
    </message>
    <message>
        <source>Go back</source>
        <translatorcomment>ru: Назад</translatorcomment>
        <translation>Orqaga</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translatorcomment>ru: Вперёд</translatorcomment>
        <translation>Oldinga</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translatorcomment>ru: Перейти в родительский каталог</translatorcomment>
        <translation>Yuqori jildga oʻtish</translation>
    </message>
    <message>
        <source>List View</source>
        <translatorcomment>ru: Список</translatorcomment>
        <translation>Roʻyxat</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translatorcomment>ru: Места и закладки</translatorcomment>
        <translation>Joylar va xatchoʻplar</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translatorcomment>ru: Перейти к:</translatorcomment>
        <translation>Jildga oʻtish:</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translatorcomment>ru: Мой компьютер</translatorcomment>
        <translation>Mening kompyuterim</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translatorcomment>ru: Новая папка</translatorcomment>
        <translation>Yangi jild</translation>
    </message>
    <message>
        <source>Open</source>
        <translatorcomment>ru: Открыть</translatorcomment>
        <translation>Ochish</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translatorcomment>ru: Родительский каталог</translatorcomment>
        <translation>Yuqori jild</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translatorcomment>ru: Недавние документы</translatorcomment>
        <translation>Soʻnggi joylar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translatorcomment>ru: Удалить</translatorcomment>
        <translation>Olib tashlash</translation>
    </message>
    <message>
        <source>Save As</source>
        <translatorcomment>ru: Сохранить как</translatorcomment>
        <translation>Boshqacha saqlash</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translatorcomment>ru: Ярлык</translatorcomment>
        <translation>Yorliq</translation>
    </message>
    <message>
        <source>Show </source>
        <translatorcomment>ru: Показать </translatorcomment>
        <translation>Koʻrsatish </translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translatorcomment>ru: Показать ск&amp;рытые файлы</translatorcomment>
        <translation>&amp;Yashirin fayllarni koʻrsatish</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translatorcomment>ru: Боковая панель</translatorcomment>
        <translation>Yon panel</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translatorcomment>ru: Неизвестный</translatorcomment>
        <translation>Nomaʼlum</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source>
        <translatorcomment>ru: &lt;b&gt;Имя «%1» не может быть использовано.&lt;/b&gt;&lt;p&gt;Попробуйте использовать имя меньшей длины и/или без символов пунктуации.</translatorcomment>
        <translation>&lt;b&gt;«%1» nomidan foydalanib boʻlmaydi.&lt;/b&gt;&lt;p&gt;Qisqaroq yoki tinish belgilarisiz boshqa nom kiriting.</translation>
    </message>
    <message>
        <source>Computer</source>
        <translatorcomment>ru: Компьютер</translatorcomment>
        <translation>Kompyuter</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translatorcomment>ru: Дата изменения</translatorcomment>
        <translation>Oʻzgartirilgan sana</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translatorcomment>ru: Некорректное имя файла</translatorcomment>
        <translation>Notoʻgʻri fayl nomi</translation>
    </message>
    <message>
        <source>Kind</source>
        <translatorcomment>ru: Вид</translatorcomment>
        <translation>Turi</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translatorcomment>ru: Мой компьютер</translatorcomment>
        <translation>Mening kompyuterim</translation>
    </message>
    <message>
        <source>Name</source>
        <translatorcomment>ru: Имя</translatorcomment>
        <translation>Nomi</translation>
    </message>
    <message>
        <source>Size</source>
        <translatorcomment>ru: Размер</translatorcomment>
        <translation>Hajmi</translation>
    </message>
    <message>
        <source>Type</source>
        <translatorcomment>ru: Тип</translatorcomment>
        <translation>Turi</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;Cancel</source>
        <translatorcomment>ru: От&amp;мена</translatorcomment>
        <translation>&amp;Bekor qilish</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translatorcomment>ru: &amp;Закрыть</translatorcomment>
        <translation>&amp;Yopish</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translatorcomment>ru: &amp;OK</translatorcomment>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translatorcomment>ru: &amp;Сохранить</translatorcomment>
        <translation>&amp;Saqlash</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translatorcomment>ru: Закрыть без сохранения</translatorcomment>
        <translation>Saqlamasdan yopish</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translatorcomment>ru: Укажите значение:</translatorcomment>
        <translation>Qiymatni kiriting:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Copy</source>
        <translatorcomment>ru: &amp;Копировать</translatorcomment>
        <translation>&amp;Nusxa olish</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translatorcomment>ru: В&amp;ставить</translatorcomment>
        <translation>&amp;Qoʻyish</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translatorcomment>ru: &amp;Повторить действие</translatorcomment>
        <translation>Amalni &amp;qaytarish</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translatorcomment>ru: &amp;Отменить действие</translatorcomment>
        <translation>Amalni &amp;bekor qilish</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translatorcomment>ru: &amp;Вырезать</translatorcomment>
        <translation>&amp;Kesib olish</translation>
    </message>
    <message>
        <source>Delete</source>
        <translatorcomment>ru: Удалить</translatorcomment>
        <translation>Oʻchirish</translation>
    </message>
    <message>
        <source>Select All</source>
        <translatorcomment>ru: Выделить всё</translatorcomment>
        <translation>Hammasini belgilash</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>&lt;h3&gt;About Qt&lt;/h3&gt;&lt;p&gt;This program uses Qt version %1.&lt;/p&gt;</source>
        <translatorcomment>ru: &lt;h3&gt;О Qt&lt;/h3&gt;&lt;p&gt;Данная программа использует Qt версии %1.&lt;/p&gt;</translatorcomment>
        <translation>&lt;h3&gt;Qt haqida&lt;/h3&gt;&lt;p&gt;Bu dastur Qt %1 versiyasidan foydalanadi.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Qt is a C++ toolkit for cross-platform application development.&lt;/p&gt;&lt;p&gt;Qt provides single-source portability across all major desktop operating systems. It is also available for embedded Linux and other embedded and mobile operating systems.&lt;/p&gt;&lt;p&gt;Qt is available under multiple licensing options designed to accommodate the needs of our various users.&lt;/p&gt;&lt;p&gt;Qt licensed under our commercial license agreement is appropriate for development of proprietary/commercial software where you do not want to share any source code with third parties or otherwise cannot comply with the terms of GNU (L)GPL.&lt;/p&gt;&lt;p&gt;Qt licensed under GNU (L)GPL is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the respective licenses.&lt;/p&gt;&lt;p&gt;Please see &lt;a href="http://%2/"&gt;%2&lt;/a&gt; for an overview of Qt licensing.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd and other contributors.&lt;/p&gt;&lt;p&gt;Qt and the Qt logo are trademarks of The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt is The Qt Company Ltd product developed as an open source project. See &lt;a href="http://%3/"&gt;%3&lt;/a&gt; for more information.&lt;/p&gt;</source>
        <translatorcomment>ru: &lt;p&gt;Qt is a C++ toolkit for cross-platform application development.&lt;/p&gt;&lt;p&gt;Qt provides single-source portability across all major desktop operating systems. It is also available for embedded Linux and other embedded and mobile operating systems.&lt;/p&gt;&lt;p&gt;Qt is available under multiple licensing options designed to accommodate the needs of our various users.&lt;/p&gt;&lt;p&gt;Qt licensed under our commercial license agreement is appropriate for development of proprietary/commercial software where you do not want to share any source code with third parties or otherwise cannot comply with the terms of GNU (L)GPL.&lt;/p&gt;&lt;p&gt;Qt licensed under GNU (L)GPL is appropriate for the development of Qt&amp;nbsp;applications provided you can comply with the terms and conditions of the respective licenses.&lt;/p&gt;&lt;p&gt;Please see &lt;a href="http://%2/"&gt;%2&lt;/a&gt; for an overview of Qt licensing.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd and other contributors.&lt;/p&gt;&lt;p&gt;Qt and the Qt logo are trademarks of The Qt Company Ltd.&lt;/p&gt;&lt;p&gt;Qt is The Qt Company Ltd product developed as an open source project. See &lt;a href="http://%3/"&gt;%3&lt;/a&gt; for more information.&lt;/p&gt;</translatorcomment>
        <translation>&lt;p&gt;Qt — platformalararo ilovalar ishlab chiqish uchun C++ vositalar toʻplami.&lt;/p&gt;&lt;p&gt;Qt bitta manba kodi bilan barcha asosiy ish stoli operatsion tizimlarida ishlaydi. U oʻrnatilgan Linux hamda boshqa oʻrnatilgan va mobil operatsion tizimlar uchun ham mavjud.&lt;/p&gt;&lt;p&gt;Qt turli foydalanuvchilarning ehtiyojlariga moslashtirilgan bir nechta litsenziya shartlari asosida tarqatiladi.&lt;/p&gt;&lt;p&gt;Tijoriy litsenziya shartnomamiz asosidagi Qt manba kodini uchinchi shaxslarga oshkor qilishni istamaganingizda yoki GNU (L)GPL shartlariga rioya qila olmaganingizda xususiy/tijoriy dasturlarni ishlab chiqish uchun mos keladi.&lt;/p&gt;&lt;p&gt;GNU (L)GPL litsenziyasi asosidagi Qt tegishli litsenziyalar shartlariga rioya qila olsangiz, Qt&amp;nbsp;ilovalarini ishlab chiqish uchun mos keladi.&lt;/p&gt;&lt;p&gt;Qt litsenziyalari haqida umumiy maʼlumot uchun &lt;a href="http://%2/"&gt;%2&lt;/a&gt; sahifasiga qarang.&lt;/p&gt;&lt;p&gt;Copyright (C) %1 The Qt Company Ltd va boshqa ishtirokchilar.&lt;/p&gt;&lt;p&gt;Qt va Qt logotipi The Qt Company Ltd kompaniyasining savdo belgilaridir.&lt;/p&gt;&lt;p&gt;Qt — The Qt Company Ltd kompaniyasining ochiq manbali loyiha sifatida ishlab chiqilgan mahsuloti. Batafsil maʼlumot: &lt;a href="http://%3/"&gt;%3&lt;/a&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translatorcomment>ru: О Qt</translatorcomment>
        <translation>Qt haqida</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translatorcomment>ru: Скрыть подробности...</translatorcomment>
        <translation>Tafsilotlarni yashirish...</translation>
    </message>
    <message>
        <source>Show Details...</source>
        <translatorcomment>ru: Показать подробности...</translatorcomment>
        <translation>Tafsilotlarni koʻrsatish...</translation>
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
        <translation>Tsitsero (CC)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translatorcomment>ru: Особый</translatorcomment>
        <translation>Maxsus</translation>
    </message>
    <message>
        <source>DD</source>
        <translatorcomment>ru: DD</translatorcomment>
        <translation>DD</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translatorcomment>ru: Дидо (DD)</translatorcomment>
        <translation>Dido (DD)</translation>
    </message>
    <message>
        <source>Form</source>
        <translatorcomment>ru: Форма</translatorcomment>
        <translation>Shakl</translation>
    </message>
    <message>
        <source>Height:</source>
        <translatorcomment>ru: Высота:</translatorcomment>
        <translation>Balandligi:</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translatorcomment>ru: Дюймы (дм)</translatorcomment>
        <translation>Dyuym (in)</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translatorcomment>ru: Альбомная</translatorcomment>
        <translation>Albom</translation>
    </message>
    <message>
        <source>Margins</source>
        <translatorcomment>ru: Поля</translatorcomment>
        <translation>Hoshiyalar</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translatorcomment>ru: Миллиметры (мм)</translatorcomment>
        <translation>Millimetr (mm)</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translatorcomment>ru: Ориентация</translatorcomment>
        <translation>Yoʻnalish</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translatorcomment>ru: Размещение страниц</translatorcomment>
        <translation>Sahifalar joylashuvi</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translatorcomment>ru: Порядок страниц:</translatorcomment>
        <translation>Sahifalar tartibi:</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translatorcomment>ru: Размер страницы:</translatorcomment>
        <translation>Sahifa oʻlchami:</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translatorcomment>ru: Страниц на листе:</translatorcomment>
        <translation>Bir varaqdagi sahifalar:</translation>
    </message>
    <message>
        <source>Paper</source>
        <translatorcomment>ru: Бумага</translatorcomment>
        <translation>Qogʻoz</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translatorcomment>ru: Источник бумаги:</translatorcomment>
        <translation>Qogʻoz manbai:</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translatorcomment>ru: Пика (P̸)</translatorcomment>
        <translation>Pika (P̸)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translatorcomment>ru: Пункты (пт)</translatorcomment>
        <translation>Punkt (pt)</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translatorcomment>ru: Книжная</translatorcomment>
        <translation>Kitob</translation>
    </message>
    <message>
        <source>P̸</source>
        <translatorcomment>ru: P̸</translatorcomment>
        <translation>P̸</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translatorcomment>ru: Перевёрнутая альбомная</translatorcomment>
        <translation>Teskari albom</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translatorcomment>ru: Перевёрнутая книжная</translatorcomment>
        <translation>Teskari kitob</translation>
    </message>
    <message>
        <source>Width:</source>
        <translatorcomment>ru: Ширина:</translatorcomment>
        <translation>Kengligi:</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translatorcomment>ru: нижнее поле</translatorcomment>
        <translation>pastki hoshiya</translation>
    </message>
    <message>
        <source>in</source>
        <translatorcomment>ru: дм</translatorcomment>
        <translation>in</translation>
    </message>
    <message>
        <source>left margin</source>
        <translatorcomment>ru: левое поле</translatorcomment>
        <translation>chap hoshiya</translation>
    </message>
    <message>
        <source>mm</source>
        <translatorcomment>ru: мм</translatorcomment>
        <translation>mm</translation>
    </message>
    <message>
        <source>pt</source>
        <translatorcomment>ru: пт</translatorcomment>
        <translation>pt</translation>
    </message>
    <message>
        <source>right margin</source>
        <translatorcomment>ru: правое поле</translatorcomment>
        <translation>oʻng hoshiya</translation>
    </message>
    <message>
        <source>top margin</source>
        <translatorcomment>ru: верхнее поле</translatorcomment>
        <translation>yuqori hoshiya</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;No</source>
        <translatorcomment>ru: &amp;Нет</translatorcomment>
        <translation>&amp;Yoʻq</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translatorcomment>ru: &amp;Да</translatorcomment>
        <translation>&amp;Ha</translation>
    </message>
    <message>
        <source>Abort</source>
        <translatorcomment>ru: Прервать</translatorcomment>
        <translation>Toʻxtatish</translation>
    </message>
    <message>
        <source>Apply</source>
        <translatorcomment>ru: Применить</translatorcomment>
        <translation>Qoʻllash</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>ru: Отмена</translatorcomment>
        <translation>Bekor qilish</translation>
    </message>
    <message>
        <source>Close</source>
        <translatorcomment>ru: Закрыть</translatorcomment>
        <translation>Yopish</translation>
    </message>
    <message>
        <source>Discard</source>
        <translatorcomment>ru: Отклонить</translatorcomment>
        <translation>Saqlamaslik</translation>
    </message>
    <message>
        <source>Help</source>
        <translatorcomment>ru: Справка</translatorcomment>
        <translation>Yordam</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translatorcomment>ru: Пропустить</translatorcomment>
        <translation>Eʼtibor bermaslik</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translatorcomment>ru: Н&amp;ет для всех</translatorcomment>
        <translation>Hammasiga y&amp;oʻq</translation>
    </message>
    <message>
        <source>OK</source>
        <translatorcomment>ru: OK</translatorcomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Open</source>
        <translatorcomment>ru: Открыть</translatorcomment>
        <translation>Ochish</translation>
    </message>
    <message>
        <source>Reset</source>
        <translatorcomment>ru: Сбросить</translatorcomment>
        <translation>Asliga qaytarish</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translatorcomment>ru: По умолчанию</translatorcomment>
        <translation>Standart sozlamalar</translation>
    </message>
    <message>
        <source>Retry</source>
        <translatorcomment>ru: Повторить</translatorcomment>
        <translation>Qayta urinish</translation>
    </message>
    <message>
        <source>Save</source>
        <translatorcomment>ru: Сохранить</translatorcomment>
        <translation>Saqlash</translation>
    </message>
    <message>
        <source>Save All</source>
        <translatorcomment>ru: Сохранить все</translatorcomment>
        <translation>Hammasini saqlash</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translatorcomment>ru: Да для &amp;всех</translatorcomment>
        <translation>&amp;Hammasiga ha</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translatorcomment>ru: %1 уже существует.
Заменить его?</translatorcomment>
        <translation>%1 allaqachon mavjud.
Uning ustidan yozilsinmi?</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source>
        <translatorcomment>ru: %1 имеет некорректный синтаксис. Используйте «,» для разделения страниц и диапазонов, а «-» — для определения диапазонов. Пересекающиеся диапазоны недопустимы.</translatorcomment>
        <translation>%1 notoʻgʻri yozilgan. Sahifalar va oraliqlarni ajratish uchun «,», oraliqlarni belgilash uchun «-» belgisidan foydalaning. Oraliqlar bir-biri bilan kesishmasligi kerak.</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translatorcomment>ru: %1 ― это каталог.
Выберите другое имя файла.</translatorcomment>
        <translation>%1 — bu jild.
Boshqa fayl nomini tanlang.</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translatorcomment>ru: &amp;Параметры &lt;&lt;</translatorcomment>
        <translation>&amp;Parametrlar &lt;&lt;</translation>
    </message>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translatorcomment>ru: &amp;Параметры &gt;&gt;</translatorcomment>
        <translation>&amp;Parametrlar &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translatorcomment>ru: &amp;Печать</translatorcomment>
        <translation>&amp;Chop etish</translation>
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
        <translation>Barcha sahifalar</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translatorcomment>ru: Снизу вверх, слева направо</translatorcomment>
        <translation>Pastdan yuqoriga, chapdan oʻngga</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translatorcomment>ru: Снизу вверх, справа налево</translatorcomment>
        <translation>Pastdan yuqoriga, oʻngdan chapga</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translatorcomment>ru: Противоречия в настройках двусторонней печати</translatorcomment>
        <translation>Ikki tomonlama chop etish sozlamalarida ziddiyat</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translatorcomment>ru: Чётные</translatorcomment>
        <translation>Juft sahifalar</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translatorcomment>ru: %1 недоступен для записи.
Выберите другое имя файла.</translatorcomment>
        <translation>%1 fayliga yozib boʻlmaydi.
Boshqa fayl nomini tanlang.</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translatorcomment>ru: Неверное определение страницы</translatorcomment>
        <translation>Sahifalar notoʻgʻri koʻrsatilgan</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translatorcomment>ru: Слева направо, снизу вверх</translatorcomment>
        <translation>Chapdan oʻngga, pastdan yuqoriga</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translatorcomment>ru: Слева направо, сверху вниз</translatorcomment>
        <translation>Chapdan oʻngga, yuqoridan pastga</translation>
    </message>
    <message>
        <source>Local file</source>
        <translatorcomment>ru: Локальный файл</translatorcomment>
        <translation>Mahalliy fayl</translation>
    </message>
    <message>
        <source>OK</source>
        <translatorcomment>ru: OK</translatorcomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translatorcomment>ru: Нечётные</translatorcomment>
        <translation>Toq sahifalar</translation>
    </message>
    <message>
        <source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.
Please turn one of those options off.</source>
        <translatorcomment>ru: Параметры «Страниц на листе» и «Список страниц» не могут использоваться одновременно.
Отключите один из них.</translatorcomment>
        <translation>«Bir varaqdagi sahifalar» va «Sahifalar toʻplami» parametrlarini birga ishlatib boʻlmaydi.
Ulardan birini oʻchiring.</translation>
    </message>
    <message>
        <source>Print</source>
        <translatorcomment>ru: Печать</translatorcomment>
        <translation>Chop etish</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translatorcomment>ru: Печать в файл ...</translatorcomment>
        <translation>Faylga chop etish ...</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translatorcomment>ru: Печать в файл (PDF)</translatorcomment>
        <translation>Faylga chop etish (PDF)</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translatorcomment>ru: Справа налево, снизу вверх</translatorcomment>
        <translation>Oʻngdan chapga, pastdan yuqoriga</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translatorcomment>ru: Справа налево, сверху вниз</translatorcomment>
        <translation>Oʻngdan chapga, yuqoridan pastga</translation>
    </message>
    <message>
        <source>The 'From' value cannot be greater than the 'To' value.</source>
        <translatorcomment>ru: Значение «с» не может быть больше значения «по».</translatorcomment>
        <translation>Boshlangʻich sahifa raqami oxirgi sahifa raqamidan katta boʻlmasligi kerak.</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translatorcomment>ru: Обнаружены противоречия в настройках двусторонней печати. Устранить?</translatorcomment>
        <translation>Ikki tomonlama chop etish sozlamalarida ziddiyatlar bor. Ularni tuzatasizmi?</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translatorcomment>ru: Сверху вниз, слева направо</translatorcomment>
        <translation>Yuqoridan pastga, chapdan oʻngga</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translatorcomment>ru: Сверху вниз, справа налево</translatorcomment>
        <translation>Yuqoridan pastga, oʻngdan chapga</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translatorcomment>ru: Запись файла PDF</translatorcomment>
        <translation>PDF faylini yozish</translation>
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
        <translation>PDF sifatida saqlash</translation>
    </message>
    <message>
        <source>First page</source>
        <translatorcomment>ru: Первая страница</translatorcomment>
        <translation>Birinchi sahifa</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translatorcomment>ru: На всю страницу</translatorcomment>
        <translation>Butun sahifa</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translatorcomment>ru: По ширине</translatorcomment>
        <translation>Kenglik boʻyicha</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translatorcomment>ru: Альбомная</translatorcomment>
        <translation>Albom</translation>
    </message>
    <message>
        <source>Last page</source>
        <translatorcomment>ru: Последняя страница</translatorcomment>
        <translation>Oxirgi sahifa</translation>
    </message>
    <message>
        <source>Next page</source>
        <translatorcomment>ru: Следующая страница</translatorcomment>
        <translation>Keyingi sahifa</translation>
    </message>
    <message>
        <source>Page Setup</source>
        <translatorcomment>ru: Параметры страницы</translatorcomment>
        <translation>Sahifa sozlamalari</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translatorcomment>ru: Параметры страницы</translatorcomment>
        <translation>Sahifa sozlamalari</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translatorcomment>ru: Книжная</translatorcomment>
        <translation>Kitob</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translatorcomment>ru: Предыдущая страница</translatorcomment>
        <translation>Oldingi sahifa</translation>
    </message>
    <message>
        <source>Print</source>
        <translatorcomment>ru: Печать</translatorcomment>
        <translation>Chop etish</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translatorcomment>ru: Просмотр печати</translatorcomment>
        <translation>Oldindan koʻrish</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translatorcomment>ru: Показать титульные страницы</translatorcomment>
        <translation>Yonma-yon sahifalarni koʻrsatish</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translatorcomment>ru: Показать обзор всех страниц</translatorcomment>
        <translation>Barcha sahifalarni koʻrsatish</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translatorcomment>ru: Показать одну страницу</translatorcomment>
        <translation>Bitta sahifani koʻrsatish</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translatorcomment>ru: Увеличить</translatorcomment>
        <translation>Kattalashtirish</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translatorcomment>ru: Уменьшить</translatorcomment>
        <translation>Kichiklashtirish</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Advanced Option Conflicts</source>
        <translatorcomment>ru: Противоречия расширенных настроек</translatorcomment>
        <translation>Qoʻshimcha sozlamalardagi ziddiyatlar</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translatorcomment>ru: Параметры задания</translatorcomment>
        <translation>Topshiriq parametrlari</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translatorcomment>ru: Противоречия в настройках страницы</translatorcomment>
        <translation>Sahifa sozlamalaridagi ziddiyatlar</translation>
    </message>
    <message>
        <source>Printer Properties</source>
        <translatorcomment>ru: Свойства принтера</translatorcomment>
        <translation>Printer xususiyatlari</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translatorcomment>ru: Обнаружены противоречия в настройках страницы. Устранить?</translatorcomment>
        <translation>Sahifa sozlamalarida ziddiyatlar bor. Ularni tuzatasizmi?</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translatorcomment>ru: Обнаружены противоречия в некоторых расширенных настройках. Устранить?</translatorcomment>
        <translation>Baʼzi qoʻshimcha sozlamalarda ziddiyatlar bor. Ularni tuzatasizmi?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translatorcomment>ru: Расширенные</translatorcomment>
        <translation>Qoʻshimcha</translation>
    </message>
    <message>
        <source>Form</source>
        <translatorcomment>ru: Форма</translatorcomment>
        <translation>Shakl</translation>
    </message>
    <message>
        <source>Page</source>
        <translatorcomment>ru: Страница</translatorcomment>
        <translation>Sahifa</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translatorcomment>ru: Обнаружены противоречия в некоторых настройках. Устраните их.</translatorcomment>
        <translation>Baʼzi sozlamalarda ziddiyatlar bor. Ularni tuzating.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Collate</source>
        <translatorcomment>ru: Разобрать по копиям</translatorcomment>
        <translation>Nusxalar boʻyicha saralash</translation>
    </message>
    <message>
        <source>Color</source>
        <translatorcomment>ru: Цвет</translatorcomment>
        <translation>Rangli</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translatorcomment>ru: Режим цвета</translatorcomment>
        <translation>Rang rejimi</translation>
    </message>
    <message>
        <source>Copies</source>
        <translatorcomment>ru: Копии</translatorcomment>
        <translation>Nusxalar</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translatorcomment>ru: Количество копий:</translatorcomment>
        <translation>Nusxalar soni:</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translatorcomment>ru: Текущая страница</translatorcomment>
        <translation>Joriy sahifa</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translatorcomment>ru: Двусторонняя печать</translatorcomment>
        <translation>Ikki tomonlama chop etish</translation>
    </message>
    <message>
        <source>Form</source>
        <translatorcomment>ru: </translatorcomment>
        <translation>Shakl</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translatorcomment>ru: Оттенки серого</translatorcomment>
        <translation>Kulrang tuslarda</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translatorcomment>ru: Переплёт по длинной стороне</translatorcomment>
        <translation>Uzun tomoni boʻyicha muqovalash</translation>
    </message>
    <message>
        <source>Off</source>
        <translatorcomment>ru: Отключена</translatorcomment>
        <translation>Oʻchiq</translation>
    </message>
    <message>
        <source>Options</source>
        <translatorcomment>ru: Параметры</translatorcomment>
        <translation>Parametrlar</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translatorcomment>ru: Настройки вывода</translatorcomment>
        <translation>Chiqarish sozlamalari</translation>
    </message>
    <message>
        <source>Page Set:</source>
        <translatorcomment>ru: Список страниц:</translatorcomment>
        <translation>Sahifalar toʻplami:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translatorcomment>ru: Страницы</translatorcomment>
        <translation>Sahifalar</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translatorcomment>ru: Страницы с</translatorcomment>
        <translation>Sahifalar: boshi</translation>
    </message>
    <message>
        <source>Print all</source>
        <translatorcomment>ru: Все</translatorcomment>
        <translation>Hammasi</translation>
    </message>
    <message>
        <source>Print range</source>
        <translatorcomment>ru: Диапазон печати</translatorcomment>
        <translation>Chop etish oraligʻi</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translatorcomment>ru: Обратный порядок</translatorcomment>
        <translation>Teskari tartibda</translation>
    </message>
    <message>
        <source>Selection</source>
        <translatorcomment>ru: Выделенный фрагмент</translatorcomment>
        <translation>Belgilangan qism</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translatorcomment>ru: Переплёт по короткой стороне</translatorcomment>
        <translation>Qisqa tomoni boʻyicha muqovalash</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translatorcomment>ru: Укажите страницы или диапазоны, разделяя их запятыми. Диапазоны задаются двумя числами, разделёнными дефисом. Например: при указании 3,5-7,9 будут напечатаны страницы 3, 5, 6, 7 и 9.</translatorcomment>
        <translation>Sahifalar yoki oraliqlarni vergul bilan ajratib kiriting. Oraliq chiziqcha bilan ajratilgan ikki son bilan beriladi. Masalan: 3,5-7,9 kiritilsa, 3, 5, 6, 7 va 9-sahifalar chop etiladi.</translation>
    </message>
    <message>
        <source>to</source>
        <translatorcomment>ru: по</translatorcomment>
        <translation>oxiri</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>&amp;Name:</source>
        <translatorcomment>ru: &amp;Название:</translatorcomment>
        <translation>&amp;Nomi:</translation>
    </message>
    <message>
        <source>...</source>
        <translatorcomment>ru: ...</translatorcomment>
        <translation>...</translation>
    </message>
    <message>
        <source>Form</source>
        <translatorcomment>ru: Форма</translatorcomment>
        <translation>Shakl</translation>
    </message>
    <message>
        <source>Location:</source>
        <translatorcomment>ru: Расположение:</translatorcomment>
        <translation>Joylashuvi:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translatorcomment>ru: Вывод в &amp;файл:</translatorcomment>
        <translation>Chiqish &amp;fayli:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translatorcomment>ru: С&amp;войства</translatorcomment>
        <translation>&amp;Xususiyatlar</translation>
    </message>
    <message>
        <source>Preview</source>
        <translatorcomment>ru: Просмотр</translatorcomment>
        <translation>Oldindan koʻrish</translation>
    </message>
    <message>
        <source>Printer</source>
        <translatorcomment>ru: Принтер</translatorcomment>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Type:</source>
        <translatorcomment>ru: Тип:</translatorcomment>
        <translation>Turi:</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translatorcomment>ru: Отменить</translatorcomment>
        <translation>Bekor qilish</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Copy</source>
        <translatorcomment>ru: &amp;Копировать</translatorcomment>
        <translation>&amp;Nusxa olish</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translatorcomment>ru: В&amp;ставить</translatorcomment>
        <translation>&amp;Qoʻyish</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translatorcomment>ru: &amp;Повторить действие</translatorcomment>
        <translation>Amalni &amp;qaytarish</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translatorcomment>ru: &amp;Отменить действие</translatorcomment>
        <translation>Amalni &amp;bekor qilish</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translatorcomment>ru: Скопировать &amp;адрес ссылки</translatorcomment>
        <translation>&amp;Havola manzilidan nusxa olish</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translatorcomment>ru: &amp;Вырезать</translatorcomment>
        <translation>&amp;Kesib olish</translation>
    </message>
    <message>
        <source>Delete</source>
        <translatorcomment>ru: Удалить</translatorcomment>
        <translation>Oʻchirish</translation>
    </message>
    <message>
        <source>Select All</source>
        <translatorcomment>ru: Выделить всё</translatorcomment>
        <translation>Hammasini belgilash</translation>
    </message>
</context>
</TS>
