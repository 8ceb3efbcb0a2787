import AnnotatorKit

/// The glossary the module ships: organisations, places and recurring terms of Syrian and
/// Iraqi conflict reporting, with every term of the seed report.
enum ShippedGlossary {
  static let entries: [GlossaryEntry] = [
    // Organisations and forces
    GlossaryEntry(term: "قسد", translation: "SDF, Syrian Democratic Forces"),
    GlossaryEntry(term: "قوات سوريا الديمقراطية", translation: "Syrian Democratic Forces (SDF)"),
    GlossaryEntry(term: "قوات سورية الديمقراطية", translation: "Syrian Democratic Forces (SDF)"),
    GlossaryEntry(term: "داعش", translation: "ISIS (Daesh)"),
    GlossaryEntry(term: "تنظيم الدولة", translation: "the Islamic State group (ISIS)"),
    GlossaryEntry(term: "دولة الخلافة", translation: "the (self-proclaimed) caliphate", kind: .context),
    GlossaryEntry(term: "التحالف الدولي", translation: "the international (anti-ISIS) coalition"),
    GlossaryEntry(term: "البشمركة", translation: "Peshmerga (Kurdish forces of northern Iraq)"),
    GlossaryEntry(
      term: "الإدارة الذاتية", translation: "the Autonomous Administration (of North and East Syria)"),
    GlossaryEntry(
      term: "الإدارة الذاتية لشمال وشرق سوريا",
      translation: "the Autonomous Administration of North and East Syria (AANES)"),
    GlossaryEntry(term: "وحدات حماية الشعب", translation: "People's Protection Units (YPG)"),
    GlossaryEntry(term: "المجتمع الدولي", translation: "the international community"),
    GlossaryEntry(term: "المجتمع المدني", translation: "civil society"),
    GlossaryEntry(term: "الأمم المتحدة", translation: "the United Nations"),
    GlossaryEntry(term: "شبكة آسو الإخبارية", translation: "Aso News Network", kind: .transliteration),
    GlossaryEntry(term: "العمليات الخاصة", translation: "special operations"),
    // Roles
    GlossaryEntry(term: "نائب قائد", translation: "deputy commander"),
    GlossaryEntry(term: "المتحدث الرسمي", translation: "official spokesperson"),
    GlossaryEntry(term: "المتحدث باسم", translation: "spokesperson for"),
    GlossaryEntry(term: "القيادي", translation: "senior figure, leader (of a group)", kind: .context),
    GlossaryEntry(term: "شيوخ العشائر", translation: "tribal sheikhs (tribal elders)"),
    // Places
    GlossaryEntry(
      term: "رميلان", translation: "Rmelan (town in Hasakah province, north-east Syria)", kind: .transliteration),
    GlossaryEntry(term: "سوريا", translation: "Syria"),
    GlossaryEntry(term: "العراق", translation: "Iraq"),
    GlossaryEntry(term: "شمال وشرق سوريا", translation: "North and East Syria"),
    GlossaryEntry(term: "الأراضي السورية", translation: "Syrian territory"),
    GlossaryEntry(term: "الحسكة", translation: "Hasakah", kind: .transliteration),
    GlossaryEntry(term: "مخيم الهول", translation: "al-Hol camp", kind: .transliteration),
    // Security and justice
    GlossaryEntry(term: "الخلايا النائمة", translation: "sleeper cells"),
    GlossaryEntry(term: "محكمة دولية", translation: "an international court (tribunal)"),
    GlossaryEntry(term: "الإرهاب", translation: "terrorism"),
    GlossaryEntry(term: "إرهابيي داعش", translation: "ISIS terrorists (ISIS fighters)"),
    GlossaryEntry(term: "مراكز الاعتقال", translation: "detention centres"),
    GlossaryEntry(term: "المخيمات", translation: "the camps (displacement and detention camps)", kind: .context),
    GlossaryEntry(term: "إطلاق سراح", translation: "release (from detention)"),
    GlossaryEntry(term: "إعادة تأهيل", translation: "rehabilitation"),
    GlossaryEntry(term: "الشبكات المالية", translation: "financial networks"),
    GlossaryEntry(term: "أيديولوجية", translation: "ideology"),
    GlossaryEntry(term: "دحر", translation: "to defeat, rout"),
    GlossaryEntry(term: "قبضة", translation: "grip, hold (here: control)", kind: .ambiguity),
    GlossaryEntry(
      term: "تنظيم", translation: "organisation; in this reporting usually 'the group' (ISIS)", kind: .ambiguity),
    GlossaryEntry(term: "المنشآت", translation: "facilities"),
    // Reporting phrases
    GlossaryEntry(term: "مؤتمر صحفي", translation: "press conference"),
    GlossaryEntry(term: "تصريح خاص", translation: "exclusive statement"),
    GlossaryEntry(
      term: "على حد قوله", translation: "as he put it (marks the words as the speaker's own)", kind: .context),
    GlossaryEntry(term: "المزعومة", translation: "so-called, alleged"),
    GlossaryEntry(term: "الشعوب المحررة", translation: "the liberated peoples (communities)"),
    GlossaryEntry(term: "أخبار وتقارير", translation: "News and Reports (section heading)", kind: .context),
  ]
}
