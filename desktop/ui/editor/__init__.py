"""The content editor (`migrant-desk editor [CONTENT_DIR]`): a window of its own over a content folder.

    session        the content folder: records, their problems, the live check, saving (no Qt)
    app            starts the window (the lock, the language)
    window         the main window: record list, form, preview, the actions
    record_list    the list of records with its filters and search
    form           one record's form: fields bound to field paths, problems shown at the field
    fields         the field widgets (texts, choices, checklists, phones, dates, links)
    rows           lists of mappings (sources, phones, steps, deadlines …) as editable rows
    texts_panel    the four languages side by side, translation states, glossary terms
    glossary       the glossary's terms found in a text (no Qt)
    preview        the record as the app shows it, and its client sheet
    dialogs        new record, retire, "Checked today"
    publish_dialog validate, build, What's new, sign, write the pack
"""
