/**
 * Vocabulary of the benchmark dataset: Tunisian regions, people's names in the three languages of
 * the platform, and the words organisation, space, module and seminar titles are made of.
 */

/** Tunisian governorates, the most populated first (the first `regions` are used). */
export const REGIONS: { code: string; name: string }[] = [
  { code: 'tunis', name: 'Tunis' },
  { code: 'sfax', name: 'Sfax' },
  { code: 'sousse', name: 'Sousse' },
  { code: 'nabeul', name: 'Nabeul' },
  { code: 'kairouan', name: 'Kairouan' },
  { code: 'gafsa', name: 'Gafsa' },
  { code: 'medenine', name: 'Médenine' },
  { code: 'bizerte', name: 'Bizerte' },
  { code: 'monastir', name: 'Monastir' },
  { code: 'ariana', name: 'Ariana' },
  { code: 'ben-arous', name: 'Ben Arous' },
  { code: 'jendouba', name: 'Jendouba' },
  { code: 'kasserine', name: 'Kasserine' },
  { code: 'sidi-bouzid', name: 'Sidi Bouzid' },
  { code: 'gabes', name: 'Gabès' },
  { code: 'mahdia', name: 'Mahdia' },
  { code: 'beja', name: 'Béja' },
  { code: 'kef', name: 'Le Kef' },
  { code: 'siliana', name: 'Siliana' },
  { code: 'manouba', name: 'La Manouba' },
  { code: 'zaghouan', name: 'Zaghouan' },
  { code: 'kebili', name: 'Kébili' },
  { code: 'tozeur', name: 'Tozeur' },
  { code: 'tataouine', name: 'Tataouine' },
];

/** Tunisian names in Latin script (how most members write them). */
export const TUNISIAN_FIRST = [
  'Mohamed', 'Ahmed', 'Ali', 'Youssef', 'Amine', 'Karim', 'Sami', 'Hichem', 'Walid', 'Nizar', 'Bilel', 'Aymen', 'Skander', 'Hamza', 'Oussama',
  'Fatma', 'Amira', 'Ines', 'Mariem', 'Rim', 'Salma', 'Yasmine', 'Nour', 'Sarra', 'Olfa', 'Leila', 'Emna', 'Asma', 'Khadija', 'Hela', 'Sonia',
  'Meriem', 'Wafa', 'Syrine', 'Chaima', 'Rania', 'Houda', 'Mouna', 'Fares', 'Slim', 'Mehdi', 'Anis', 'Zied', 'Rached', 'Lotfi',
];
export const TUNISIAN_LAST = [
  'Ben Ali', 'Trabelsi', 'Gharbi', 'Hammami', 'Jlassi', 'Ayari', 'Mejri', 'Bouazizi', 'Chaabane', 'Dridi', 'Sassi', 'Khelifi', 'Mansouri',
  'Ben Salah', 'Ben Youssef', 'Brahmi', 'Zouari', 'Karray', 'Ellouze', 'Masmoudi', 'Ghannouchi', 'Baccouche', 'Jaziri', 'Ferchichi', 'Hamdi',
  'Mabrouk', 'Riahi', 'Saidi', 'Tlili', 'Ouertani', 'Belhaj', 'Chebbi', 'Nasri', 'Abidi', 'Guesmi', 'Kefi', 'Mzoughi', 'Sfaxi', 'Baklouti',
];
/** The same kind of names in Arabic script. */
export const ARABIC_FIRST = [
  'محمد', 'أحمد', 'علي', 'يوسف', 'أمين', 'كريم', 'سامي', 'هشام', 'وليد', 'نزار', 'بلال', 'أيمن', 'حمزة', 'أسامة', 'فاطمة', 'أميرة', 'إيناس',
  'مريم', 'ريم', 'سلمى', 'ياسمين', 'نور', 'سارة', 'ألفة', 'ليلى', 'آمنة', 'أسماء', 'خديجة', 'هالة', 'وفاء', 'شيماء', 'رانية', 'هدى', 'منى',
];
export const ARABIC_LAST = [
  'بن علي', 'الطرابلسي', 'الغربي', 'الحمامي', 'الجلاصي', 'العياري', 'الماجري', 'البوعزيزي', 'شعبان', 'الدريدي', 'الساسي', 'الخليفي',
  'المنصوري', 'بن صالح', 'البراهمي', 'الزواري', 'الكراي', 'المصمودي', 'الجزيري', 'الفرشيشي', 'الحامدي', 'مبروك', 'الرياحي', 'السعيدي',
  'التليلي', 'الورتاني', 'بالحاج', 'الشابي', 'النصري', 'العبيدي',
];
export const FRENCH_FIRST = [
  'Camille', 'Julien', 'Claire', 'Nicolas', 'Sophie', 'Thomas', 'Émilie', 'Antoine', 'Hélène', 'Mathieu', 'Céline', 'Pierre', 'Laure', 'Élodie',
  'François', 'Margaux', 'Benoît', 'Aurélie', 'Rémi', 'Chloé',
];
export const FRENCH_LAST = [
  'Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefèvre', 'Girard', 'Roux', 'Fournier', 'Morel', 'Mercier', 'Blanc', 'Garnier', 'Chevalier',
  'Faure', 'Rousseau', 'Lemaire', 'Perrin', 'Gauthier', 'Renaud',
];
export const ENGLISH_FIRST = [
  'James', 'Emma', 'Oliver', 'Sarah', 'Daniel', 'Laura', 'Michael', 'Hannah', 'David', 'Rachel', 'Samuel', 'Grace', 'Andrew', 'Emily', 'Peter',
  'Alice', 'Thomas', 'Lucy', 'Matthew', 'Kate',
];
export const ENGLISH_LAST = [
  'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green',
  'Hall', 'Wood', 'Harris', 'Clarke', 'Jackson', 'Turner',
];

export const ORGANISATION_KINDS = [
  'Association', 'Association tunisienne', 'Réseau', 'Collectif', 'Observatoire', 'Centre', 'Initiative', 'Forum', 'Union', 'Maison',
];
export const ORGANISATION_TOPICS = [
  'pour la gouvernance locale', 'des droits humains', 'des femmes rurales', 'pour l’environnement', 'de la jeunesse citoyenne',
  'pour le développement local', 'de la transparence', 'pour l’égalité', 'des jeunes entrepreneurs', 'de l’économie sociale et solidaire',
  'pour la démocratie participative', 'des oasis', 'du patrimoine', 'pour l’inclusion', 'des médias citoyens',
];

/** Thematic titles of spaces and modules, per axis, in the three languages. */
export const AXIS_TITLES: Record<string, { fr: string; ar: string; en: string }> = {
  governance: { fr: 'Gouvernance locale', ar: 'الحوكمة المحلية', en: 'Local governance' },
  gender_equality: { fr: 'Égalité femmes-hommes', ar: 'المساواة بين الجنسين', en: 'Gender equality' },
  environment: { fr: 'Environnement et climat', ar: 'البيئة والمناخ', en: 'Environment and climate' },
  youth_participation: { fr: 'Participation des jeunes', ar: 'مشاركة الشباب', en: 'Youth participation' },
  project_management: { fr: 'Gestion de projet associatif', ar: 'إدارة المشاريع الجمعياتية', en: 'Project management for NGOs' },
  human_rights: { fr: 'Droits humains', ar: 'حقوق الإنسان', en: 'Human rights' },
  local_development: { fr: 'Développement local', ar: 'التنمية المحلية', en: 'Local development' },
};

export const MODULE_TOPICS: { fr: string; ar: string; en: string }[] = [
  { fr: 'Les bases', ar: 'الأساسيات', en: 'The basics' },
  { fr: 'Plaidoyer', ar: 'المناصرة', en: 'Advocacy' },
  { fr: 'Budget participatif', ar: 'الميزانية التشاركية', en: 'Participatory budgeting' },
  { fr: 'Suivi et évaluation', ar: 'المتابعة والتقييم', en: 'Monitoring and evaluation' },
  { fr: 'Mobiliser des fonds', ar: 'تعبئة الموارد', en: 'Fundraising' },
  { fr: 'Communication', ar: 'التواصل', en: 'Communication' },
  { fr: 'Accès à l’information', ar: 'النفاذ إلى المعلومة', en: 'Access to information' },
  { fr: 'Animer une réunion', ar: 'تنشيط الاجتماعات', en: 'Facilitating meetings' },
  { fr: 'Cadre juridique', ar: 'الإطار القانوني', en: 'Legal framework' },
  { fr: 'Partenariats', ar: 'الشراكات', en: 'Partnerships' },
  { fr: 'Données ouvertes', ar: 'البيانات المفتوحة', en: 'Open data' },
  { fr: 'Rédiger un rapport', ar: 'كتابة تقرير', en: 'Writing a report' },
];

export const LESSON_TOPICS: { fr: string; ar: string; en: string }[] = [
  { fr: 'Introduction', ar: 'مقدمة', en: 'Introduction' },
  { fr: 'Les notions clés', ar: 'المفاهيم الأساسية', en: 'Key notions' },
  { fr: 'Étude de cas', ar: 'دراسة حالة', en: 'Case study' },
  { fr: 'Les acteurs', ar: 'الفاعلون', en: 'The actors' },
  { fr: 'Méthodes et outils', ar: 'الطرق والأدوات', en: 'Methods and tools' },
  { fr: 'Témoignages', ar: 'شهادات', en: 'Testimonies' },
  { fr: 'Exercice pratique', ar: 'تمرين تطبيقي', en: 'Practical exercise' },
  { fr: 'Erreurs fréquentes', ar: 'أخطاء شائعة', en: 'Common mistakes' },
  { fr: 'Pour aller plus loin', ar: 'للتعمق أكثر', en: 'Going further' },
  { fr: 'Synthèse', ar: 'خلاصة', en: 'Summary' },
];

export const SEMINAR_TOPICS: { fr: string; ar: string; en: string }[] = [
  { fr: 'Atelier de plaidoyer', ar: 'ورشة المناصرة', en: 'Advocacy workshop' },
  { fr: 'Séminaire régional de gouvernance', ar: 'ندوة جهوية حول الحوكمة', en: 'Regional governance seminar' },
  { fr: 'Formation à la gestion de projet', ar: 'تكوين في إدارة المشاريع', en: 'Project management training' },
  { fr: 'Rencontre des jeunes leaders', ar: 'لقاء القادة الشباب', en: 'Young leaders meeting' },
  { fr: 'Atelier budget participatif', ar: 'ورشة الميزانية التشاركية', en: 'Participatory budgeting workshop' },
  { fr: 'Journée égalité et inclusion', ar: 'يوم المساواة والإدماج', en: 'Equality and inclusion day' },
  { fr: 'Séminaire environnement et territoires', ar: 'ندوة البيئة والجهات', en: 'Environment and territories seminar' },
  { fr: 'Atelier suivi-évaluation', ar: 'ورشة المتابعة والتقييم', en: 'Monitoring and evaluation workshop' },
];

export const VENUES = ['Maison de la culture', 'Centre des jeunes', 'Hôtel de ville', 'Espace associatif', 'Faculté des sciences juridiques', 'Centre de formation'];
