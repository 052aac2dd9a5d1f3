# Wegweiser's own text in English. Every id here is also in de.ftl.
# Diagnostic codes are the message ids; `.help` and `.label` attributes give
# the hint and the short label under the marked text.

## How diagnostics are printed

severity-error = error
severity-warning = warning
help-prefix = help: { $help }
in-file = in { $file }

## Suggestions (toml_input::suggest); `what-*` name the candidates

suggest-did-you-mean = did you mean `{ $best }`? Allowed { $what }: { $list }
suggest-none = no { $what } are declared
suggest-allowed = allowed { $what }: { $list }
what-fields = fields
what-translatable-fields = translatable fields
what-names = names
what-languages = languages
what-language-keys = language keys
what-folders = folders
what-places = places
what-regions = regions
what-pages = pages
what-contacts = contacts
what-keys = keys
what-files-there = files there
what-values = values
what-anchors = anchors

## TOML (site.toml and front matter)

unknown-field = unknown field `{ $name }`
    .label = not a field here
missing-field = missing required field `{ $field }`
missing-field-add = add `{ $field } = …`
wrong-value = wrong value for `{ $field }`: { $detail }
invalid-toml = invalid TOML: { $detail }
    .help = front matter is TOML: text in "quotes", lists in [ ], true/false, dates like 2026-02-05
field-hint = `{ $field }`: { $doc }; for example `{ $field } = { $example }`

## site.toml

config-unreadable = cannot read { $file }: { $detail }
    .help = run wegweiser in the folder that holds site.toml, or pass --root DIR
base-url-not-web-address = base_url `{ $url }` is not a web address
    .help = write the full address, e.g. base_url = "https://integration.example.org"
unknown-time-zone = unknown time zone `{ $zone }`
    .help = use an IANA time zone name, e.g. time_zone = "Europe/Berlin"
paginate-by-zero = paginate_by must be at least 1
    .help = the number of cards per list page, e.g. paginate_by = { $example }
language-key-invalid = language key `{ $key }` may only contain a-z, 0-9 and -
    .help = use a short key such as "ar" or "ls"
language-declared-twice = language `{ $key }` is declared twice
    .help = remove one of the two [[languages]] entries
no-languages = site.toml declares no languages
    .help = add a [[languages]] table with key, tag and name
default-language-undeclared = default_language `{ $key }` is not one of the declared languages
language-key-reserved = `{ $key }` cannot be a language key: the site uses the name for its own pages and files
    .help = use the language code, e.g. key = "ar"; these names are taken: { $taken }
language-tag-invalid = `{ $tag }` is not a valid BCP 47 language tag
    .help = use a tag such as "ar", "fa", "uk" or "de"
fallback-language-unknown = fallback language `{ $fallback }` of `{ $key }` is not a site language
numbering-unsupported = numbering `{ $numbering }` is not supported
    .help = use one of { $supported } ("latn": 0-9, "arab": ٠-٩, "arabext": ۰-۹)
taxonomy-key-invalid = { $taxonomy } key `{ $term }` may only contain a-z, 0-9 and -
taxonomy-key-twice = { $taxonomy } key `{ $term }` is listed twice
legal-not-a-slug = legal.{ $name } must be a page slug, not `{ $slug }`
    .help = name the file in content/pages/ without .md, e.g. "impressum"
legal-feedback-not-email = legal.feedback `{ $address }` is not an e-mail address
    .help = every page links to it as an e-mail address (mailto:); write only the address, e.g. feedback = "integration@example.org"

## Folders and links (site_folder)

folder-unreadable = cannot read this folder: { $detail }
link-points-to = `{ $to }`
link-points-unreadable = something that cannot be read
link-target-missing = this is a link to { $points }, which does not exist
    .help = remove the link, or let it point to a file inside the site folder
link-unfollowable = cannot follow this link to { $points }: { $detail }
    .help = remove the link, or let it point to a file inside the site folder
link-outside-site = this is a link to { $points }, outside the site folder; Wegweiser does not follow it
    .help = copy the file (or folder) into the site folder instead of linking to it
link-into-hidden = this is a link to { $points }, into `{ $hidden }`, a hidden part of the site folder; Wegweiser does not follow it
    .help = hidden files and folders hold tools' data (.git may hold credentials); copy what you need instead of linking to it
link-circle = this is a link to { $points }, a folder it is in: following it would never end
    .help = remove the link, or let it point to a file inside the site folder

## Content: fields of items

translation-without-source = translation without a source file `{ $name }`
    .help = every translation needs the default-language file `{ $name }` in the same folder; check the file name for typos
title-missing = missing required field `title`
    .help = add a line such as title = "Sprachcafé Ingelheim" to the front matter
title-empty = `title` is empty
    .help = write the heading of the page between the quotes
geo-invalid = `geo` must be [latitude, longitude]
    .help = for example geo = [49.97, 8.06] (latitude between -90 and 90 first)
url-invalid = `{ $url }` is not a web address
    .help = write the full address beginning with https://, e.g. "https://example.org/anmeldung"
date-with-time = `{ $field }` must be a date without time
    .help = write it as { $field } = 2026-06-30
date-does-not-exist = invalid date: { $date } does not exist
    .help = check day and month; dates are written year-month-day, e.g. 2026-02-05
contact-kind-missing = missing required field `kind`
    .help = add kind = "person" or kind = "organization"
contact-kind-unknown = unknown contact kind `{ $kind }`
email-invalid = `{ $address }` is not an e-mail address
    .help = write it as email = "name@example.org"
phone-invalid = `{ $phone }` is not a phone number in international format
    .help = write it with country code, e.g. phone = "+49 6132 787-0" (digits, spaces, - and / only)

## Content: event times

time-missing = `{ $field }` needs a date and a time
    .help = write { $field } = 2026-02-05T18:00, or set all_day = true for events that last whole days
time-with-offset = `{ $field }` must be local time without a time-zone offset
    .help = remove the offset (Z or +01:00): times are in the site's time zone from site.toml
time-of-day-invalid = invalid time of day
    .help = hours are 00–23 and minutes 00–59, e.g. 18:30
time-skipped = `{ $field }` { $at } does not exist in { $zone }: that night the clocks jump from { $from } to { $to }{ $summer ->
        [yes] {" "}(summer time begins)
       *[no] {""}
    }
time-twice = `{ $field }` { $at } happens twice in { $zone }: first in { $first }, then again in { $second }, when the clocks go back from { $from } to { $to }
time-too-far = `{ $field }` { $at } is too far in the future to be placed in { $zone }
time-choose = choose a time before { $before } or from { $after } on, e.g. { $field } = { $before_written } or { $field } = { $after_written }
time-choose-twice = pages, search engines and calendar apps cannot tell which of the two is meant; choose a time before { $before } or from { $after } on, e.g. { $field } = { $before_written } or { $field } = { $after_written }
check-the-year = check the year: events are dated in the next few years
offset-summer = summer time ({ $offset })
offset-winter = winter time ({ $offset })
offset-plain = { $offset }
sessions-and-start = an event has either `sessions` or `start`/`end`, not both
    .help = keep sessions = [...] for events on several days with different hours; remove start, end and all_day
event-start-missing = an event needs `start` (or `sessions`)
    .help = add start = 2026-02-05T18:00 and end = 2026-02-05T20:00
event-ends-before-start-day = the event ends before it starts
    .help = `end` is the last day of the event; it must be on or after `start`
event-ends-before-start = the event ends before it starts
    .help = `end` must be later than `start`
event-end-missing = an event with a start time needs `end`
    .help = add end = … with the date and time the event ends, e.g. end = 2026-02-05T20:00
sessions-empty = `sessions` is empty
    .help = add {"{"} start = 2026-11-10T10:00, end = 2026-11-10T15:00 {"}"} for every day
sessions-same = the sessions on lines { $line_a } and { $line_b } are the same: { $a }
    .help = remove one of the two lines
sessions-overlap = the sessions on lines { $line_a } and { $line_b } overlap: { $a } and { $b }
    .help = correct the times so that each session ends before the next one begins, or make the two one session
occurrences-overlap = the event lasts longer than the time between two of its dates: { $first } is not over when { $next } begins
    .help = each date must end before the next one begins: make the event shorter (end) or repeat it less often
day-with-note = { $day } ({ $note })
day-hour-skipped = { $from }–{ $to } skipped
day-hour-twice = { $from }–{ $to } twice
day-too-far = too far in the future
series-unclear-hours = the series has dates in an hour that the clocks skip or repeat in { $zone }: { $list }
series-leave-out = leave these days out with except = [{ $dates }] (beside any days already there)
series-leave-out-or-move = leave these days out with except = [{ $dates }] (beside any days already there), or choose a time before { $before } or from { $after } on
repeat-unknown = unknown repetition `{ $repeat }`
    .help = write repeat = "weekly" or repeat = "monthly" (every second week: add repeat_interval = 2)
repeat-until-missing = a repeating event needs `repeat_until`
    .help = add the last day, e.g. repeat_until = 2026-12-15, so the calendar does not run forever
start-not-in-repetition = `start` is not a day of the repetition
    .help = the first occurrence must be one of the repeat_on days (and, for monthly events, in the repeat_week)
repeat-until-before-start = `repeat_until` is before `start`
    .help = repeat_until is the last day the event takes place
repeat-until-too-late = `repeat_until` { $until } is more than { $years } years after the first date { $first }
    .help = use a date at most { $years } years ahead, at the latest repeat_until = { $latest }; renew the event later
repeat-until-too-far = `repeat_until` { $until } is too far in the future to be placed in { $zone }
    .help = check the year: events are dated in the next few years
repeat-field-without-repeat = `{ $field }` needs `repeat`
    .help = add repeat = "weekly" or repeat = "monthly", or remove this line
weekday-unknown = `{ $day }` is not a weekday
    .help = write weekdays in English or German, e.g. repeat_on = ["tuesday"] or ["dienstag"]
repeat-week-not-monthly = `repeat_week` only goes with repeat = "monthly"
    .help = remove repeat_week, or set repeat = "monthly"
repeat-week-invalid = `repeat_week` must be 1 to 5, or -1 for the last week of the month
    .help = e.g. repeat_week = 2 for the second Tuesday of every month
repeat-interval-invalid = `repeat_interval` must be between 1 and 52
    .help = repeat_interval = 2 means every second week (or month)
attendance-unknown = unknown attendance `{ $attendance }`

## Content: files, front matter, references, links

front-matter-missing = the file does not start with front matter
    .label = expected `+++` here
    .help = begin the file with a line `+++`, then the fields such as title = "…", then another `+++` line, then the text
front-matter-unclosed = the front matter is never closed
    .label = opened here
    .help = add a line `+++` after the last field, before the text
front-matter-too-large = the front matter is { $size } KB; it may be at most { $max } KB
    .label = front matter starts here
    .help = the part between the +++ lines holds short fields; put long text below the second +++
nesting-too-deep = lists or quotes are nested more than { $max } levels deep here
    .label = too deep
    .help = use fewer levels: split the list into several lists or use headings
field-not-in-translation = `{ $name }` cannot be set in a translation
    .label = only in the source file
    .help = `{ $name }` applies to every language: set it once in { $slug }.md and remove it here. Translations may set only: { $allowed }
field-only-in-translation = `{ $name }` belongs in translation files only
    .label = only in <slug>.<lang>.md
    .help = `{ $name }` describes a translation; remove it from the source file
unknown-field-for-kind = unknown field `{ $name }` for { $kind ->
        [offer] an offer
        [event] an event
        [contact] a contact
        [page] a page
       *[home] a home
    }
    .label = not a field here
content-folder-missing = there is no content/ folder
    .help = create content/_index.md for the home page and content/offers/ for offers
content-not-markdown = this file is not Markdown and is ignored
    .help = images and downloads belong in static/ (or the theme's static/ folder)
home-missing = the home page is missing
    .help = create content/_index.md with +++ title = "…" +++ and an introduction
content-file-too-large = this file is { $size } MB; content files may be at most { $max } MB
    .help = split it into several pages; put large downloads in static/ and link them
content-file-unreadable = cannot read this file: { $detail }
    .help = check that the file exists and can be read
content-changed-while-building = this file changed while the site was being built
    .help = nothing was published: build again once the file is saved
content-not-utf8 = this file is not UTF-8 text
    .label = this byte is not UTF-8
    .help = save the file as UTF-8 in your editor ("Save with encoding" → UTF-8); if it is not text, move it to static/
content-nul = this file contains a NUL character: it looks like binary data, not text
    .label = NUL
    .help = remove the character, or restore the file from a good copy
item-duplicate = duplicate { $kind } `{ $slug }` in language `{ $lang }`: { $first } already defines it
    .help = every file name (slug) may exist once per folder; rename or remove one of the two files
path-empty = empty path
path-not-markdown = not a Markdown file
path-language-unknown = `{ $lang }` in `{ $name }` is not a language of this site; { $suggestion }
path-directly-in-content = `{ $name }` is directly in content/: put it into one of the folders offers/, events/, contacts/ or pages/
path-folder-unknown = `{ $folder }` is not a content folder; { $suggestion }
path-name-invalid = `{ $base }` is not a valid file name: use only lower-case letters a-z, digits and -, e.g. `{ $example }`
page-name-reserved = the page name `{ $slug }` is reserved for a section
    .help = rename the file: pages may not be called { $reserved }
legal-page-missing = the { $what } page `{ $slug }` named in site.toml does not exist
legal-page-create = create content/pages/{ $slug }.md, or change legal.{ $what } in site.toml; { $suggestion }
contact-missing = `{ $field }` names the contact `{ $slug }`, which does not exist
contact-create = create content/contacts/{ $slug }.md or correct the name; { $suggestion }
organization-self = the contact `{ $contact }` names itself as its `organization`
    .help = an organisation may belong to a larger one, but not to itself, directly or through others: remove `organization` from one of them or correct it
organization-cycle = the contacts { $contacts } belong to each other through `organization`: { $chain }
    .help = an organisation may belong to a larger one, but not to itself, directly or through others: remove `organization` from one of them or correct it
unknown-taxonomy-key = unknown { $taxonomy } key `{ $term }`
taxonomy-key-add = { $suggestion }; new keys are added in site.toml under [taxonomies]
language-code-invalid = `{ $code }` is not a language code
    .help = use the short ISO 639 code in lower case, e.g. "de", "ar", "fa", "uk", "ti" or "prs"
link-scheme-unsafe = links to `{ $scheme }:` addresses are not allowed
    .label = unsafe link
    .help = link to a web address (https://…), an e-mail (mailto:…), a phone number (tel:…) or a content file such as offers/sprachcafe.md
link-broken = broken link `{ $dest }`: { $detail }
    .help = link to content as folder/file.md, e.g. [Sprachcafé](offers/sprachcafe.md)
link-dangling = link to `{ $dest }`, which does not exist
    .label = dangling link
link-dangling-create = create content/{ $folder }/{ $slug }.md or correct the link; { $suggestion }

## Templates and rendering

theme-templates-missing = theme `{ $theme }` has no templates folder
    .help = set theme = "default" in site.toml, or create the folder
template-unreadable = cannot read template `{ $name }`: { $detail }
theme-template-lacking = theme `{ $theme }` lacks the template `{ $name }`
    .help = copy it from themes/default/templates/
template-error = template error: { $detail }
template-syntax-error = template syntax error: { $detail }
template-error-in = template error in `{ $name }`: { $detail }
template-syntax-error-in = template syntax error in `{ $name }`: { $detail }
template-syntax-help = check the template syntax at the marked place (Tera 2: https://keats.github.io/tera/)
template-parent-missing = template error in `{ $name }`: it extends `{ $parent }`, which does not exist
    .help = template names are relative to { $dir }/, e.g. "base.html"
template-cycle-self = template error in `{ $name }`: it { $how ->
        [extend] extends
       *[include] includes
    } itself: { $chain }
    .help = a template may not { $how } itself, directly or through others
template-cycle = template error: templates { $how } each other in a circle: { $chain }
    .help = a template may not { $how } itself, directly or through others
template-names-relative = template names are relative to { $dir }/, e.g. "partials/card.html"
template-block-name = a block must have the name of a block of the template it extends
template-functions = templates can use `t(key=…)` and Tera 2's built-in functions, filters and tests (https://keats.github.io/tera/); check the name at the marked place
internal-view = internal error: { $view } view not serialisable: { $detail }
language-formatting-data = language `{ $key }`: { $detail }

## Output folder

out-contains-site = the output folder { $out } contains the site itself
    .help = choose a separate output folder, e.g. --out public
out-inside-source = the output folder { $out } is inside the site's { $source }/ folder
    .help = choose a separate output folder, e.g. --out public
out-is-home = the output folder { $out } is your home folder
    .help = choose a separate output folder, e.g. --out public
out-unreadable = cannot read { $out }: { $detail }
out-not-ours = refusing to replace { $out }: it is not empty and was not built by Wegweiser
    .help = choose an empty or new output folder, or remove this one yourself
out-not-folder = { $out } exists and is not a folder
    .help = choose another output folder with --out
file-unreadable = cannot read this file: { $detail }
write-outside-output = refusing to write `{ $path }`: it would land outside the output folder
previous-build-not-removed = { $out } holds the new build, but the previous one could not be removed from { $previous }: { $detail }
    .help = the next build removes it; or delete it yourself
new-build-not-moved = cannot move the new build to { $out }: { $detail }; it is missing now, the previous build is in { $previous }
    .help = the next build puts the previous one back; or rename it yourself
output-step-failed = cannot { $what ->
        [create] create
        [write] write
        [move-to] move the new build to
        [swap] swap the new build with
       *[move-away] move away
    } { $path }: { $detail }; { $out } { $state ->
        [unchanged] was left unchanged
       *[not-created] was not created
    }
    .help = check that the output folder's parent exists and is writable, and that nothing else is in the way

## check

review-due = this offer was due for review on { $due }: are times, places and contacts still right?
    .label = review date passed
    .help = check the offer with its provider, then set review_by to the next date (e.g. in six months)
event-over = this event is over: it is no longer listed as upcoming, only in the archive
    .label = last session has passed
    .help = if it takes place again, add the new dates; to keep it in the archive on purpose, add `archived = true`; otherwise delete the file
event-archived-upcoming = this event is marked `archived = true` but still has dates ahead
    .label = still upcoming
    .help = remove `archived = true` while the event still takes place; set it once it is over and kept only for the record
translation-outdated = this translation is outdated: { $source } changed after it was translated
    .help = update the text, then run `wegweiser translate { $item } { $lang } --confirm`
translations-missing = { $n } of { $total } pages are not translated into `{ $lang }`: readers see the fallback language
    .help = `wegweiser status` lists them; `wegweiser translate ITEM { $lang }` starts one
title-duplicate = the title `{ $title }` is also used by { $first }
    .label = duplicate title
    .help = give each page a title that tells it apart, e.g. add the place or the audience
image-third-party = this image is loaded from another website: every reader's address goes to that site (data protection)
    .label = third-party image
    .help = save the image in static/ (e.g. static/bilder/plakat.jpg) and link it as /bilder/plakat.jpg
link-not-in-site = `{ $dest }` is not part of the site (looked for { $url })
    .help = put files and images in static/ (static/flyer.pdf is linked as /flyer.pdf); link other pages as content files, e.g. offers/sprachcafe.md
label-missing-image = missing image
label-missing-file = missing file
anchor-missing = the anchor `#{ $fragment }` does not exist on { $target }
    .label = dangling anchor
anchor-link-heading = link to one of the headings there: { $suggestion }
message-unused = the message `{ $id }` is not used by the site
    .label = unused message
    .help = remove it from every language, or use it in a template with t(key="…")
messages-missing-in-language = { $n } interface message(s) missing in `{ $lang }`: { $ids }
    .help = add them to locales/{ $lang }/main.ftl; until then readers see the fallback language

## Interface text (locales/*.ftl)

text-empty = {""}
ftl-not-utf8 = this file is not UTF-8 text
    .label = this byte is not UTF-8
    .help = save the file as UTF-8 in your editor ("Save with encoding" → UTF-8)
ftl-syntax = Fluent syntax error: { $detail }
    .help = see https://projectfluent.org/fluent/guide/ — a message is `id = text`, continuation lines are indented
ftl-defined-twice = `{ $name }` is defined twice: here and at { $first }
    .label = second definition (ignored)
    .help = each message and term may be defined once per language, in any of its .ftl files: remove one of the two
ftl-reference-dangling = `{ $name }` { $problem }
    .label = not found
ftl-function-fix = use one of the functions Fluent knows here: { $functions }; readers would see `{ $shown }`
ftl-reference-fix = define it in locales/{ $lang }/*.ftl, or correct the reference (a message can only refer to messages and terms of its own language); readers would see `{ $shown }`
ftl-unknown-function = calls the unknown function `{ $target }()`
ftl-no-attribute = refers to `{ $target }`, but the { $what } `{ $entry }` has no attribute `.{ $attr }` in `{ $lang }`
ftl-only-attributes = refers to the { $what } `{ $target }`, which has only attributes in `{ $lang }`, no text of its own
ftl-undefined = refers to the { $what } `{ $target }`, which `{ $lang }` does not define
ftl-circle = these messages refer to each other in a circle in `{ $lang }`: { $names }
    .label = this reference closes the circle
    .help = readers would see `{"{"}{ $target }{"}"}`: write out the text in one of them
ftl-required-missing = the default language `{ $lang }` has no message `{ $id }`: readers would see `{ $id }` instead
    .help = add `{ $id } = …` to locales/{ $lang }/main.ftl
ftl-theme-asks = the theme asks for the message `{ $id }`, which the default language `{ $lang }` does not define: readers would see `{ $id }` instead
    .label = asked for here
    .help = add `{ $id } = …` to locales/{ $lang }/main.ftl
ftl-missing-fallback = { $n } interface message(s) missing in `{ $lang }`, shown from the fallback language: { $ids }
    .help = add these messages to locales/{ $lang }/*.ftl
ftl-absent = { $n } interface message(s) asked for but defined in no language, shown as their ids: { $ids }
    .help = add these messages to locales/{ $default }/*.ftl (every language falls back to it)
ftl-through = {" "}(through `{ $pattern }`)
ftl-variable-not-passed = `{ $id }`{ $through } uses the variable `${ $var }` in `{ $lang }`, which the site does not pass to it (passed: { $passed })
    .label = not passed
ftl-variable-fix-default = correct the name, or pass the variable where `{ $id }` is asked for (in a template: t(key="{ $id }", { $var }=…)); readers would see `{"{"}${ $var }{"}"}`
ftl-variable-fix-other = use the variables of the message in locales/{ $default }/; readers would see `{"{"}${ $var }{"}"}`
ftl-format-failed = formatting `{ $id }` in `{ $lang }` failed: { $detail }
ftl-language-empty = no interface text for language `{ $lang }`
    .help = create locales/{ $lang }/main.ftl; { $default ->
        [yes] every language falls back to the default one: pages would show message ids instead of text
       *[no] until then the interface shows the fallback language
    }

## Editorial commands, serve

cannot-read = cannot read { $file }: { $detail }
cannot-write = cannot write { $file }: { $detail }
cannot-create = cannot create { $file }: { $detail }
content-writable = check that the content folder is writable
item-name-invalid = `{ $name }` does not name a content file: { $detail }
    .help = name the item as folder/file, e.g. offers/sprachcafe-ingelheim, or _index for the home page
item-unknown = there is no { $kind } `{ $slug }`
lang-is-source = `{ $lang }` is the source language
    .help = name the language to translate into
lang-unknown = `{ $lang }` is not a language of this site
translation-exists = { $file } already exists
    .help = edit it, then run `wegweiser translate { $item } { $lang } --confirm`
translation-not-started = { $file } does not exist
    .help = start it with `wegweiser translate { $item } { $lang }`
new-name-invalid = `{ $slug }` is not a valid name
    .help = use lower-case letters a-z, digits and -, e.g. sprachcafe-bingen
new-exists = { $file } already exists
    .help = choose another name, or edit the existing file
cms-config-unwritable = cannot write the configuration: { $detail }
cms-out-writable = check that the folder is writable, or choose another with --out
xliff-unwritable = cannot write the XLIFF document: { $detail }
xliff-lang-help = name the language translators translate into, e.g. --lang ar
xliff-not-xml = this is not well-formed XML: { $detail }
    .help = the translation tool must return the XLIFF file as it was, with <target> elements added
xliff-not-xliff = this is not an XLIFF file
    .help = give the file that `wegweiser xliff export` wrote, with the translations filled in
xliff-not-2 = this is not an XLIFF 2.0 file
    .help = export it with `wegweiser xliff export` and keep the format (XLIFF 2.0) in the translation tool
xliff-target-language = the target language `{ $lang }` is not a translation language of this site
    .help = export the file again with `wegweiser xliff export --lang LANG`
xliff-item-gone = { $path }: { $detail }
    .help = the item was renamed or removed since the export; export again
xliff-source-changed = { $path }: the German source changed since the export (exported from { $exported }, now { $now })
    .label = this item was not imported
    .help = export again with `wegweiser xliff export --lang { $lang }` and translate the new source; the other items were imported
xliff-file-changed = { $file }: was changed after the export; importing would overwrite that change
    .label = this item was not imported
    .help = compare the file with the translation in the XLIFF; to replace it anyway run `wegweiser xliff import { $xliff } --force`
xliff-incomplete = { $path }: not imported, { $n } unit(s) have no translation: { $units }
    .help = fill in every <target> of the item (or leave the item out); an item is imported only whole
xliff-unit-unknown = { $path }: unit `{ $unit }` is not a translatable field
    .help = keep the unit ids as `wegweiser xliff export` wrote them
serve-start = cannot start the server: { $detail }
serve-listen = cannot listen on { $address }: { $detail }
    .help = choose another port with --port, or stop the program that uses it
serve-address = cannot read the server address: { $detail }
serve-watch = cannot watch { $folder }: { $detail }
    .help = on Linux, raise fs.inotify.max_user_watches
serve-error = server error: { $detail }

## Command line summaries

cli-built = { $strict ->
        [yes] built (but --strict and there are warnings):
       *[no] built
    } { $pages } pages ({ $languages }), { $files } files, { $kib } KiB in { $ms } ms → { $out }{ $warnings ->
        [0] {""}
       *[other] , { $warnings } warning(s)
    }
cli-more-warnings = … and { $n } more warning(s): `wegweiser build --verbose` or `wegweiser check` lists them all
cli-build-failed = build failed: { $errors } error(s), { $warnings } warning(s); { $out }
cli-check-summary = check: { $errors } error(s), { $warnings } warning(s){ $strict ->
        [yes] {" "}(--strict: warnings count as errors)
       *[no] {""}
    }

## Places outside the office's area ([taxonomies] outside_places)
outside-place-unknown = outside_places names `{ $place }`, which is not one of the places
outside-place-twice = outside_places names `{ $place }` twice

## Key hints (a name or label where a key belongs)
contact-slug-not-name = write the contact's file name, not its name: `{ $key }` (content/contacts/{ $key }.md)
taxonomy-key-not-label = write the key, not the label: `{ $key }` (keys are listed in site.toml under [taxonomies])

## Placeholders of `wegweiser new` (TODO: …)
placeholder-in-draft = this draft still contains placeholder text (`TODO: …`)
    .label = placeholder
    .help = replace the placeholder with the real text before removing `draft = true`
placeholder-published = placeholder text (`TODO: …`) would be published
    .label = placeholder
    .help = write the real text here, or set `draft = true` while the page is not ready

## Dates written the German way
date-german = date must be written { $iso }
    .label = day.month.year
    .help = dates are written year-month-day, without quotes, e.g. `{ $example }`

## Opening hours (opening_hours, region)
hours-unreadable = `opening_hours` cannot be read: { $detail }
    .help = write the hours in the OpenStreetMap syntax, e.g. opening_hours = "Mo-Fr 09:00-12:00; Th 14:00-18:00; PH off" (days Mo Tu We Th Fr Sa Su, times hh:mm, rules separated by ;)
hours-open-on-holiday = these opening hours say open on the public holiday { $date } ({ $holiday }) and nothing about holidays
    .label = open on public holidays?
    .help = add `; PH off` if closed on public holidays, or a rule such as `; PH 10:00-12:00` if open on purpose
contact-without-hours = the organisation { $contact } says nothing about when it can be reached
    .label = no opening hours
    .help = add `opening_hours = "Mo-Fr 09:00-12:00; PH off"` (OpenStreetMap syntax), or `office_hours = "by appointment"` in words
region-unknown = unknown region `{ $region }`: there are no holidays for it

## Locations
location-missing = `at` names the location `{ $slug }`, which does not exist
location-create = create content/locations/{ $slug }.md or correct the name; { $suggestion }
location-slug-not-name = write the location's file name, not its name: `{ $key }` (content/locations/{ $key }.md)
what-locations = locations
closed-period-incomplete = every period in `closed` needs `from` and `to` (dates without quotes)
    .help = e.g. closed = [{"{"} from = 2027-07-20, to = 2027-08-14, reason = "Sommerpause" {"}"}]
closed-period-reversed = this closed period ends ({ $to }) before it begins ({ $from })
    .help = `to` is the last closed day and comes after `from`
accessibility-value-unknown = `{ $value }` is not a value for accessibility
offer-without-place = this offer names no location (`at`) and no `address`: readers do not learn where it is
    .help = add at = "<location>" (a file in content/locations/) or an address; an offer held only online can say so in its summary

## Scripts that static pages load
static-script-missing = this page loads the script { $src }, which is not in { $folder }
    .help = the browser editor's script is installed by scripts/install-editor (see docs/cms.md); for another script, put it beside the page or remove the reference
## Command output (new, translate, xliff, cms, report, status, serve)

cli-error = error: { $message }
cli-fix-first = fix these problems first
cli-wrote = wrote { $file }
cli-source-date-epoch = SOURCE_DATE_EPOCH must be seconds since 1970, not `{ $value }`
new-created = created { $file } — fill in the fields, then remove `draft = true`
translate-usage = use `wegweiser translate ITEM LANG` or `wegweiser translate --all --confirm LANG`
translate-name-language = name the language to translate into, e.g. `wegweiser translate { $item } ar`
translate-started = { $file }: created (draft: translate it, then remove `draft = true`)
translate-confirmed = { $file }: confirmed as up to date
translate-minor = { $file }: kept up to date (minor source change)
translate-none-yet = { $item } has no translations yet
xliff-exported-item = { $item } ({ $state })
xliff-exported = wrote { $file }: { $items } item(s), { $units } unit(s) missing or outdated in `{ $lang }`
xliff-imported-file = { $file }: written, current with its source
xliff-imported = imported { $written } translation(s); { $refused } refused, { $skipped } skipped
cms-place-script = note: { $script } (Sveltia CMS { $version }) is not there yet: scripts/install-editor installs it; a build fails without it (see docs/cms.md)
cms-name-repo = note: name the repository with --repo owner/name
report-wrote-csv = wrote CSV files into { $folder }
report-cannot-write-csv = cannot write CSV: { $detail }
serve-serving = serving { $url } (Ctrl-C to stop)
serve-stopping = stopping
serve-built = built { $files } files in { $ms } ms
serve-site-has-errors = the site has errors: fix them and save; the browser shows them too
serve-rebuilt = rebuilt after { $paths } in { $ms } ms: { $pages } page(s) rendered, { $files } file(s) changed
serve-all-files = all
serve-still-serving = still serving the last good build; fix the problems above and save
serve-open = open { $url } in your browser
overlay-title = The last change has problems. This page shows the last good version until they are fixed.
overlay-error = error
overlay-warning = warning
overlay-at = { $file }, line { $line }, column { $column }
overlay-close = Close
overlay-broken-title = Wegweiser preview: the site has errors
overlay-broken-text = The site has errors. They are listed here and in the terminal; this page reloads when they are fixed.

## status

status-lang = lang
status-name = name
status-current = current
status-outdated = outdated
status-unconfirmed = unconfirmed
status-in-progress = in-progress
status-missing = missing
status-machine = machine
status-unreviewed = unreviewed
status-past = past events, not counted
status-order = Lists in the order readers need them: upcoming events (soonest first), published offers, contacts, pages, then drafts. Past events are not counted as missing.
status-source = source

## report (the gap report)

report-total = Total
report-total-note = “Total” counts each offer of the row once, even if it takes place in several places or has no place: the list on the website shows as many offers.
report-outside = Outside the county
report-outside-note = Places outside the county (outside_places in site.toml) are shown apart; a 0 there is no gap.
report-zero-note = A 0 means: no offer.
report-no-offer-in = Not listed because no offer takes place in this language
report-without-place = (no place)
report-how-to-read = Cells marked red (0) are gaps. Rows with the most gaps come first, columns with the fewest offers on the left; places outside the county are shown apart and are no gaps.
report-topic-place = Offers by topic and place
report-topic-place-note = Number of offers per topic (row) and place (column).
report-topic = Topic
report-audience-topic = Offers by audience and topic
report-audience-topic-note = Number of offers per audience (row) and topic (column). Offers without an audience are meant for everyone and are not counted here.
report-audience = Audience
report-language-place = Languages of offers by place
report-language-place-note = Number of offers that take place in a language (row, field offered_in) in a place (column).
report-language = Language
report-per-topic = Entries by topic
report-per-topic-note = Offers and upcoming events per topic; the total appears like this on the home page, the topic page and in the filter.
report-offers = Offers
report-upcoming-events = Upcoming events
report-events-place = Events in the next { $days } days by place
report-events-place-note = Events with at least one date from { $date } in the following { $days } days, per place; and the number of these dates.
report-place = Place
report-events = Events
report-dates = Dates
report-title = Gap report
report-head = Gap report as of { $date }: { $offers } offers, { $events } events in the next { $days } days
report-html-title = Gap report as of { $date }
report-html-head = As of { $date }: { $offers } offers, { $events } events in the next { $days } days.
report-review = Offers past their review date (review_by)
report-review-short = Offers past their review date
report-review-note = These offers should be checked and their review date set again.
report-contacts = Contacts nothing refers to
report-contacts-note = No offer, event, contact or text names these contacts.
report-none = None.
report-file = File
report-item-title = Title
report-review-by = Review by
output-nothing-written = nothing was written
output-missing = { $folder }/ is missing (see above)
output-new-build = { $folder }/ holds the new build (see above)
cli-progress-pages = pages

# Images (src/media/)
image-alt-missing = the image has no alt text
    .help = write in `image_alt` what the image shows, for people who cannot see it; if it only decorates, write image_decorative = true
image-alt-missing-markdown = the image `{ $path }` has no alt text
    .help = write what it shows between the brackets: ![Two people at a desk]({ $path }); if it only decorates, write ![]({ $path } "decorative")
image-missing = the image `{ $path }` does not exist
    .help = check the file name; a path is relative to this file, or begins with / for a file in static/
image-outside-site = the image `{ $path }` lies outside the site folder
    .help = copy the image into the site folder (next to this file or into static/) and name it from there
image-unsupported = `{ $path }` is not a JPEG, PNG or WebP image
    .help = save the image as JPEG (photos) or PNG (drawings) and name that file
image-corrupt = the image `{ $path }` cannot be read ({ $detail })
    .help = open it in an image program and save it again as JPEG or PNG
image-file-too-large = the image `{ $path }` is { $megabytes } MB (at most 30 MB)
    .help = save it smaller, e.g. 2500 pixels wide as JPEG: the site makes its own smaller versions
image-too-many-pixels = the image `{ $path }` has too many pixels ({ $width } × { $height }; at most 50 megapixels)
    .help = scale it down to at most 2500 pixels wide before adding it

## The map page ([map] in site.toml)
map-tiles-missing = [map] has no `tiles`: the map needs the address of a tile server
    .help = add tiles = "https://tiles.example.org/{"{"}z{"}"}/{"{"}x{"}"}/{"{"}y{"}"}.png" (a server the office runs or has a data-processing contract with), or remove [map]
map-tiles-not-https = the tile server `{ $url }` is not an https:// address
    .help = readers' browsers ask it for every tile: use https:// (http:// only for 127.0.0.1 or localhost, in tests)
map-tiles-host = the tile address `{ $url }` has no single fixed host
    .help = write one host name, without {"{"}s{"}"} subdomains: the pages' security policy allows exactly that host
map-tiles-placeholders = the tile address `{ $url }` lacks {"{"}z{"}"}, {"{"}x{"}"} or {"{"}y{"}"}
    .help = a tile address has all three, e.g. https://tiles.example.org/{"{"}z{"}"}/{"{"}x{"}"}/{"{"}y{"}"}.png
map-attribution-missing = [map] needs an `attribution` when it names a tile server
    .help = the notice the tile server's licence asks for, e.g. attribution = "© OpenStreetMap contributors"
map-center-invalid = `center` must be [latitude, longitude] in degrees
    .help = for example center = [49.97, 8.06]
map-zoom-out-of-range = zoom { $zoom } is not between 0 and { $max }
    .help = 10 shows a county, 14 a town; leave zoom out to fit all locations
map-leaflet-missing = the map needs Leaflet, which is not installed ({ $file } is missing)
    .help = run scripts/install-map (it runs `npm ci` in themes/default/map), or remove [map] from site.toml

## Locations: the sort of place, stale closures, appointment links
location-kind-unknown = `{ $kind }` is not a kind of location
closed-period-stale = the closure from { $from } to { $to } ended more than a year ago
    .help = delete this period from `closed` (in the translations too, the same entry)
appointment-url-not-https = the appointment address { $url } does not begin with https://
    .help = a booking form asks for personal data: use the https:// address of the booking page

# Documents, sign-language video, BITV §4 (content::media, check::bitv)
media-missing = the file { $file } does not exist
    .help = put it beside the content file (in { $folder }/) or in static/, or correct the name
media-outside = { $file } leads out of the content and static folders
    .help = write the file's name relative to the content file (flyer.pdf) or as a path in static/ (/downloads/flyer.pdf)
media-not-self-hosted = { $file } is on another server; documents and videos must be published with the site
    .help = save the file beside the content file or in static/ and write its name; readers' browsers then ask no other server
media-name-clash = a different file named { $name } is already published with this item ({ $other })
    .help = give one of the two files another name
document-language-invalid = “{ $code }” is not a language code
    .help = write the document's language as a code, e.g. language = "ar"
video-unreadable = the video { $file } cannot be read as MP4: { $detail }
    .help = save the video as MP4 (H.264 or AV1), e.g. with ffmpeg -i input -c:v libx264 -r 25 video.mp4
video-below-bitv = the sign-language video is { $width }×{ $height } pixels at { $fps } frames per second; BITV 2.0 (Anlage 2) asks for at least 320×240 and 25 frames per second
    .help = export the video again with at least 320×240 pixels and 25 frames per second
document-too-large = { $file } is { $size } MB; documents should be at most { $max } MB
    .help = make the file smaller (e.g. export the PDF with compressed pictures), or raise [check] max_document_mb in site.toml
bitv-sign-language-missing = the home page has no explanation in German Sign Language (BITV 2.0 §4)
    .help = add sign_language = { "{" } video = "…", poster = "…", captions = "…" { "}" } to content/_index.md, or set [check] bitv = false in site.toml if the site is not bound by BITV
bitv-easy-read-missing = the home page has no explanation in Leichte Sprache (BITV 2.0 §4)
    .help = write content/_index.{ $lang }.md in Leichte Sprache: what the site contains, how to find one's way, and a link to the accessibility statement (pages/{ $statement }.md); or set [check] bitv = false in site.toml
bitv-easy-read-language-missing = the site has no language for Leichte Sprache (BITV 2.0 §4)
    .help = add a language with key = "ls", tag = "de" and hreflang = false to site.toml, or set [check] bitv = false if the site is not bound by BITV

## wegweiser import (ics, table)
what-columns = column headings
import-nothing-written = nothing was written: fix the problems above and import again
import-will-create = new: { $file }
import-will-update = updated: { $file }
import-will-remove = removed (no longer in the source): { $file }
import-done = import done: { $created } new, { $updated } updated, { $removed } removed, { $kept } kept, { $unchanged } unchanged
import-dry-run = dry run, nothing written: { $created } new, { $updated } updated, { $removed } removed, { $kept } kept, { $unchanged } unchanged
import-kept-edited = { $file } was changed after the last import of { $input }; it is kept as it is
    .help = compare the file with the entry in { $input } and carry over what is needed; to replace it anyway import with --force
import-gone-edited = { $file } is no longer in { $input }, but was changed after the last import; it is kept
    .help = delete the file if the event or offer is over, or remove its import_source, import_uid and import_hash lines to keep it as your own
import-gone-translated = { $file } is no longer in { $input }, but has translations; it is kept
    .help = delete the file and its translations if the entry is over
import-organizer-unknown = `--organizer { $slug }`: there is no contact with this name
import-ics-not-calendar = not a calendar file: it does not start with BEGIN:VCALENDAR
    .help = export the calendar as iCalendar (.ics) and import that file
import-ics-unreadable = the calendar cannot be read: { $detail }
    .help = every line must be NAME:value or NAME;PARAMETER=…:value, and every BEGIN:… needs its END:…
import-ics-uid-missing = this event has no UID
    .help = the partner's calendar program must give every event a UID; without it a later import could not find the event again
import-ics-uid-duplicate = the UID { $uid } occurs twice in the calendar
    .help = each event needs its own UID; ask the partner for a corrected calendar
import-ics-title-missing = event { $uid } has no SUMMARY (title)
    .help = give the event a title in the calendar
import-ics-start-missing = event { $uid } has no DTSTART (start)
    .help = give the event a start in the calendar
import-ics-bad-time = { $property } cannot be read: `{ $value }`
    .help = dates are written 20261020, times 20261020T180000 (local), 20261020T160000Z (UTC) or with TZID=Europe/Berlin
import-ics-zone-unknown = unknown time zone `{ $zone }`
    .help = use a time zone of the IANA database, e.g. TZID=Europe/Berlin
import-ics-end-missing = this event has neither DTEND nor DURATION; it is imported as lasting one hour
    .help = check the end in the imported file
import-ics-ends-before-start = this event ends before it starts
    .help = correct DTEND or DURATION in the calendar
import-ics-rule-unsupported = this repetition cannot be imported: { $rule }
    .help = Wegweiser imports weekly rules, monthly rules on the n-th weekday and daily rules; enter other series as single events
import-ics-override-ignored = a changed single date of a series (RECURRENCE-ID) is not imported
    .help = check the series in the imported file and add the changed date by hand
import-map-kind = `kind = "{ $kind }"`: a table can become offers, contacts or locations
    .help = write kind = "offer", "contact" or "location"
import-map-field-unknown = `{ $field }` is not a field of a { $kind }
import-map-field-unsupported = `{ $field }` cannot be filled from a column
    .help = fill this field in the files after the import
import-map-column-unknown = there is no column `{ $column }` in sheet { $sheet }
import-map-title-missing = the mapping names no column for `title`
    .help = add a line such as title = "Name of the offer" under [columns]
import-row-duplicate = { $sheet }, row { $row }, column { $column }: the id `{ $uid }` was already used in row { $first }
    .help = every row needs its own id (or title, if the mapping names no id column)
import-cell-empty = { $sheet }, row { $row }, column { $column }: `{ $field }` is empty
    .help = every row needs a title
import-cell-bad = { $sheet }, row { $row }, column { $column }: { $problem }
import-cell-value = `{ $field }` cannot be `{ $value }`: { $want ->
        [number] a whole number is needed
        [yes-no] "ja" or "nein" is needed
        [date] a date is needed, e.g. 30.06.2027 or 2027-06-30
        *[numbers] numbers separated by commas are needed
    }
import-label-unknown = the { $taxonomy } label `{ $label }` is not known
import-label-meant = it probably means `{ $key }`: add "{ $label }" = "{ $key }" under [labels.{ $taxonomy }] in the mapping, or write the key in the sheet
import-ics-bad-line = this line of the calendar cannot be read
    .label = not NAME:value
    .help = every line must be NAME:value or NAME;PARAMETER=…:value (a line that continues the one before starts with a space)

## Open data ([open_data] in site.toml)

open-data-license-invalid = open_data.license `{ $license }` is not a licence of the DCAT-AP.de list
    .help = write the licence's name from http://dcat-ap.de/def/licenses/, e.g. license = "dl-by-de/2.0" (Datenlizenz Deutschland – Namensnennung 2.0)
open-data-contributor-invalid = open_data.contributor_id `{ $id }` is not a data provider's name of the DCAT-AP.de list
    .help = write the name GovData gave the office when it registered (the part after http://dcat-ap.de/def/contributors/), or leave the line out
