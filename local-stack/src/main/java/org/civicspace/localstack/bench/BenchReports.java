package org.civicspace.localstack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.civicspace.ingest.domain.dedup.NearDuplicates;
import org.civicspace.ingest.domain.dedup.Signature;

/**
 * The benchmark's partner reports: invented, in English and Russian, about nine countries, each
 * naming its own person, so that every report is a new event — no two are near-duplicates for
 * ingest, and none joins another's incident in the alert service (incidents join by a shared
 * person within a country). A report is an opening (what happened: a detention, a raid, an
 * attack, a ban), three of fourteen detail sentences and one of eight closings, each with its
 * own names, places and numbers. Most are urgent (someone held now), the rest high.
 */
public final class BenchReports {

    /** Reports per country before the names run out (every first name with every surname, both genders). */
    public static final int NAMES_PER_COUNTRY = 2 * 25 * 40;

    private static final List<Country> COUNTRIES = List.of(
            new Country("KZ", List.of("Almaty", "Shymkent", "Aktobe", "Oral"), List.of("Алматы", "Шымкент", "Актобе", "Уральск")),
            new Country("KG", List.of("Bishkek", "Osh", "Karakol", "Naryn"), List.of("Бишкек", "Ош", "Каракол", "Нарын")),
            new Country("TJ", List.of("Dushanbe", "Khujand", "Khorog", "Kulob"), List.of("Душанбе", "Худжанд", "Хорог", "Куляб")),
            new Country("UZ", List.of("Tashkent", "Samarkand", "Nukus", "Andijan"), List.of("Ташкент", "Самарканд", "Нукус", "Андижан")),
            new Country("BY", List.of("Minsk", "Gomel", "Brest", "Grodno"), List.of("Минск", "Гомель", "Брест", "Гродно")),
            new Country("AZ", List.of("Baku", "Ganja", "Sumgait", "Lankaran"), List.of("Баку", "Гянджа", "Сумгаит", "Ленкорань")),
            new Country("GE", List.of("Tbilisi", "Batumi", "Kutaisi", "Zugdidi"), List.of("Тбилиси", "Батуми", "Кутаиси", "Зугдиди")),
            new Country("AM", List.of("Yerevan", "Gyumri", "Vanadzor", "Goris"), List.of("Ереван", "Гюмри", "Ванадзор", "Горис")),
            new Country("RU", List.of("Kazan", "Ufa", "Samara", "Tomsk"), List.of("Казань", "Уфа", "Самара", "Томск")));

    // first names: Latin, Cyrillic; the male ones first
    private static final String[][] MALE = {
            {"Aidar", "Айдар"}, {"Bakhyt", "Бахыт"}, {"Nurlan", "Нурлан"}, {"Timur", "Тимур"}, {"Ruslan", "Руслан"},
            {"Erlan", "Ерлан"}, {"Farrukh", "Фаррух"}, {"Daniyar", "Данияр"}, {"Azamat", "Азамат"}, {"Rustam", "Рустам"},
            {"Ilkhom", "Илхом"}, {"Sherzod", "Шерзод"}, {"Anvar", "Анвар"}, {"Kairat", "Кайрат"}, {"Maksat", "Максат"},
            {"Ulan", "Улан"}, {"Vadim", "Вадим"}, {"Artyom", "Артём"}, {"Giorgi", "Гиорги"}, {"Levan", "Леван"},
            {"Armen", "Армен"}, {"Tigran", "Тигран"}, {"Elchin", "Эльчин"}, {"Ramil", "Рамиль"}, {"Pavel", "Павел"}};
    private static final String[][] FEMALE = {
            {"Aigerim", "Айгерим"}, {"Dinara", "Динара"}, {"Gulnara", "Гульнара"}, {"Madina", "Мадина"}, {"Aliya", "Алия"},
            {"Zarina", "Зарина"}, {"Nilufar", "Нилуфар"}, {"Dilnoza", "Дилноза"}, {"Saule", "Сауле"}, {"Asel", "Асель"},
            {"Cholpon", "Чолпон"}, {"Olga", "Ольга"}, {"Svetlana", "Светлана"}, {"Nino", "Нино"}, {"Tamar", "Тамар"},
            {"Anahit", "Анаит"}, {"Lusine", "Лусине"}, {"Leyla", "Лейла"}, {"Sevinj", "Севиндж"}, {"Yulia", "Юлия"},
            {"Irina", "Ирина"}, {"Kamila", "Камила"}, {"Malika", "Малика"}, {"Zhanna", "Жанна"}, {"Aruzhan", "Аружан"}};
    // surnames: male Latin, female Latin, male Cyrillic, female Cyrillic
    private static final String[][] SURNAMES = {
            {"Nurmatov", "Nurmatova", "Нурматов", "Нурматова"}, {"Seitkaliev", "Seitkalieva", "Сейткалиев", "Сейткалиева"},
            {"Abdullaev", "Abdullaeva", "Абдуллаев", "Абдуллаева"}, {"Karimov", "Karimova", "Каримов", "Каримова"},
            {"Tursunov", "Tursunova", "Турсунов", "Турсунова"}, {"Zhumabekov", "Zhumabekova", "Жумабеков", "Жумабекова"},
            {"Sultanov", "Sultanova", "Султанов", "Султанова"}, {"Omurbekov", "Omurbekova", "Омурбеков", "Омурбекова"},
            {"Rakhimov", "Rakhimova", "Рахимов", "Рахимова"}, {"Yusupov", "Yusupova", "Юсупов", "Юсупова"},
            {"Ismailov", "Ismailova", "Исмаилов", "Исмаилова"}, {"Kasymov", "Kasymova", "Касымов", "Касымова"},
            {"Bekmuratov", "Bekmuratova", "Бекмуратов", "Бекмуратова"}, {"Sadykov", "Sadykova", "Садыков", "Садыкова"},
            {"Temirov", "Temirova", "Темиров", "Темирова"}, {"Aliev", "Alieva", "Алиев", "Алиева"},
            {"Mammadov", "Mammadova", "Мамедов", "Мамедова"}, {"Huseynov", "Huseynova", "Гусейнов", "Гусейнова"},
            {"Petrosyan", "Petrosyan", "Петросян", "Петросян"}, {"Hakobyan", "Hakobyan", "Акопян", "Акопян"},
            {"Grigoryan", "Grigoryan", "Григорян", "Григорян"}, {"Beridze", "Beridze", "Беридзе", "Беридзе"},
            {"Kapanadze", "Kapanadze", "Капанадзе", "Капанадзе"}, {"Lomidze", "Lomidze", "Ломидзе", "Ломидзе"},
            {"Kovalenko", "Kovalenko", "Коваленко", "Коваленко"}, {"Lukashevich", "Lukashevich", "Лукашевич", "Лукашевич"},
            {"Novikov", "Novikova", "Новиков", "Новикова"}, {"Sokolov", "Sokolova", "Соколов", "Соколова"},
            {"Volkov", "Volkova", "Волков", "Волкова"}, {"Orlov", "Orlova", "Орлов", "Орлова"},
            {"Zaitsev", "Zaitseva", "Зайцев", "Зайцева"}, {"Kuznetsov", "Kuznetsova", "Кузнецов", "Кузнецова"},
            {"Makarov", "Makarova", "Макаров", "Макарова"}, {"Baimukhamedov", "Baimukhamedova", "Баймухамедов", "Баймухамедова"},
            {"Ermekov", "Ermekova", "Ермеков", "Ермекова"}, {"Dzhaksybekov", "Dzhaksybekova", "Джаксыбеков", "Джаксыбекова"},
            {"Usmonov", "Usmonova", "Усмонов", "Усмонова"}, {"Nazarov", "Nazarova", "Назаров", "Назарова"},
            {"Sharipov", "Sharipova", "Шарипов", "Шарипова"}, {"Mirzoev", "Mirzoeva", "Мирзоев", "Мирзоева"}};

    // the roles as the classifier knows them (violation-roles.tsv): wire name, words
    private static final String[][] ROLES_EN = {
            {"defender", "human rights defender"}, {"journalist", "journalist"}, {"activist", "civic activist"},
            {"lawyer", "human rights lawyer"}, {"journalist", "blogger"}, {"activist", "opposition activist"}};
    private static final String[][] ROLES_RU = {
            {"defender", "правозащитник"}, {"journalist", "журналист"}, {"activist", "гражданский активист"},
            {"defender", "оппозиционный политик"}, {"journalist", "блогер"}, {"journalist", "корреспондент"}};

    private static final String[] ORGS_EN = {"Open Steppe Legal Clinic", "Citizens' Watch", "Free Word Initiative",
            "Youth for Rights", "Mountain Voices", "Bridge of Law", "Clean Courts Monitor", "Civic Compass"};
    private static final String[] ORGS_RU = {"«Открытая степь»", "«Гражданский контроль»", "«Свободное слово»",
            "«Молодёжь за права»", "«Голос гор»", "«Мост права»", "«Честный суд»", "«Гражданский компас»"};
    private static final String[] STREETS_EN = {"Abai", "Frunze", "Rustaveli", "Navoi", "Pushkin", "Independence",
            "Victory", "Gagarin", "Tole Bi", "Chui"};
    private static final String[] STREETS_RU = {"Абая", "Фрунзе", "Руставели", "Навои", "Пушкина", "Независимости",
            "Победы", "Гагарина", "Толе би", "Чуй"};
    private static final String[] DAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] DAYS_RU = {"в понедельник", "во вторник", "в среду", "в четверг", "в пятницу",
            "в субботу", "в воскресенье"};

    // openings: {title variants}, lead; {N} the name, {R} the role, {C} the city, {D} the day, {S} a street,
    // {O} an organisation, {n} a number, {h} hours; {he}/{his}/{He} and, in Russian, {a} (a past-tense ending)
    private static final String[][][] OPENINGS_EN = {
            {{"{R} {N} detained in {C}", "Police hold {R} {N} in {C}"},
                    {"Police in {C} detained {R} {N} on {D} morning outside {his} home on {S} Street. {N} is being held at a district police station and has not been allowed to see a lawyer."}},
            {{"{R} {N} arrested after covering a protest in {C}", "{C}: {R} {N} taken into custody"},
                    {"Officers in plain clothes arrested {R} {N} in {C} on {D} after {he} filmed a protest near the city administration. {N} remains in custody tonight and {his} phone was seized."}},
            {{"{R} {N} missing after being taken away in {C}", "Whereabouts of {R} {N} unknown"},
                    {"Unidentified men forced {R} {N} into a car on {S} Street in {C} on {D}. The police deny holding {N}, and {his} family fear {he} is being held incommunicado."}},
            {{"Protesters detained in {C}, among them {R} {N}", "Peaceful rally dispersed in {C}"},
                    {"Riot police detained at least {n} people at a peaceful rally on {S} Street in {C} on {D}, among them {R} {N}. Officers beat several protesters with batons, and {N} is still being held."}},
            {{"{R} {N} beaten in custody in {C}", "Allegations of torture of {R} {N}"},
                    {"{R} {N}, detained in {C} on {D}, was beaten by officers during questioning, {his} lawyer said. {N} remains in detention with injuries to the face and ribs."}},
            {{"Police raid the office of {O} in {C}", "{O} raided, {R} {N} held"},
                    {"Police searched the office of {O} in {C} on {D} and seized computers and documents. The head of the group, {R} {N}, was detained during the raid and is still being held."}},
            {{"{R} {N} held for a post criticising officials", "{C}: {R} {N} detained over an online post"},
                    {"Police in {C} detained {R} {N} on {D} over a social media post criticising the regional governor. {N} faces charges of spreading false information and is being held pending trial."}},
            {{"{R} {N} threatened and beaten in {C}", "Threats, then an attack on {R} {N} in {C}"},
                    {"{R} {N} received death threats for weeks before two men beat {him} on {S} Street in {C} on {D} evening. {N} was taken to hospital with a head injury, and the police refused to open a case."}}};
    private static final String[][][] OPENINGS_RU = {
            {{"В городе {C} задержан{a} {R} {N}", "{R} {N} задержан{a} полицией"},
                    {"{D} утром полиция в городе {C} задержала человека у дома на улице {S}: это {R} {N}. {N} находится в районном отделе полиции, адвоката к задержанному не допускают."}},
            {{"{R} {N} арестован{a} после съёмки протеста", "{C}: {R} {N} под стражей"},
                    {"Сотрудники в штатском {D} задержали в городе {C} известного участника протестов — {R} {N} снимал{a} акцию у здания городской администрации. {N} остаётся под стражей, телефон изъят."}},
            {{"{R} {N} пропал{a} после задержания", "Неизвестно, где находится {R} {N}"},
                    {"{D} {R} {N} был{a} задержан{a} неизвестными в штатском на улице {S} в городе {C}, и с тех пор о задержанн{om} ничего не известно. В полиции отрицают задержание, семья опасается, что {N} удерживается без связи."}},
            {{"В городе {C} разогнан мирный митинг", "Задержания на митинге в городе {C}"},
                    {"ОМОН {D} задержал не менее {n} участников мирного митинга на улице {S} в городе {C}. Силовики избивали протестующих дубинками; {R} {N} до сих пор находится под стражей."}},
            {{"{R} {N}: избиение в отделе полиции", "Сообщения о пытках: {R} {N}"},
                    {"{R} {N}, задержанн{ya} {D} в городе {C}, был{a} избит{a} сотрудниками на допросе, сообщил адвокат. {N} остаётся под стражей, на лице и теле видны травмы."}},
            {{"Обыск в офисе организации {O}", "Организация {O}: обыск и задержание"},
                    {"Полиция {D} провела обыск в офисе организации {O} в городе {C} и изъяла компьютеры и документы. Руководитель организации, {R} {N}, задержан{a} во время обыска и остаётся под стражей."}},
            {{"{R} {N} задержан{a} за пост о чиновниках", "{C}: задержание за публикацию в соцсетях"},
                    {"Полиция в городе {C} {D} задержала автора поста с критикой губернатора области: это {R} {N}. В отношении задержанного возбуждено дело о распространении ложной информации, до суда — под стражей."}},
            {{"Угрозы и нападение: {R} {N}", "В городе {C} избит{a} {R} {N}"},
                    {"Несколько недель {R} {N} получал{a} угрозы убийством, а {D} вечером двое мужчин избили {acc} на улице {S} в городе {C}. {N} доставлен{a} в больницу с травмой головы, полиция отказалась возбуждать дело."}}};

    private static final String[] DETAILS_EN = {
            "According to {O}, officers gave no reason for the detention and refused to say where {N} would be taken.",
            "{His} relatives waited outside the building for {h} hours without any news.",
            "A lawyer retained by {O} was turned away at the door twice on {D}.",
            "Witnesses said about {n} officers took part, some of them masked.",
            "The prosecutor's office has not answered a written request for information.",
            "Colleagues believe the case is linked to {his} reporting on land disputes near {C}.",
            "{N} suffers from a heart condition and needs daily medication, {his} family said.",
            "Local monitors have recorded {n} such cases in {C} this year.",
            "Officers also searched a flat on {S} Street and took away a laptop and notebooks.",
            "The court is expected to decide on pre-trial detention within {h} hours.",
            "Local journalists who tried to film outside the station were told to leave.",
            "{O} has documented threats against {N} since the spring, including anonymous phone calls.",
            "Supporters gathered in front of the district court on {S} Street but were dispersed within minutes.",
            "The regional police press service said only that an investigation was under way."};
    private static final String[] DETAILS_RU = {
            "По данным организации {O}, причину задержания не назвали и не сообщили, куда доставят задержанного.",
            "Родственники {h} часов ждали у здания, но никаких сведений так и не получили.",
            "Адвоката, которого нашла организация {O}, {D} дважды не пустили в здание.",
            "По словам очевидцев, в задержании участвовали около {n} сотрудников, часть из них в масках.",
            "Прокуратура пока не ответила на письменный запрос.",
            "Коллеги связывают преследование с публикациями о земельных спорах под городом {C}.",
            "По словам родных, у задержанного больное сердце и нужны ежедневные лекарства.",
            "Местные наблюдатели зафиксировали в городе {C} уже {n}-й такой случай за этот год.",
            "Также прошёл обыск в квартире на улице {S}: изъяли ноутбук и блокноты.",
            "Суд должен решить вопрос о мере пресечения в течение {h} часов.",
            "Местным журналистам, пытавшимся снимать у отдела, приказали уйти.",
            "Организация {O} с весны фиксировала угрозы в адрес семьи, в том числе анонимные звонки.",
            "Сторонники собрались у районного суда на улице {S}, но через несколько минут их разогнали.",
            "Пресс-служба областной полиции сообщила лишь, что идёт проверка."};
    private static final String[] CLOSINGS_EN = {
            "{O} calls for {N}'s immediate release.",
            "Partners ask for urgent contact with the embassies in {C}.",
            "Monitors will attend the hearing if one is scheduled.",
            "{O} asks for the case to be raised with the authorities today.",
            "Local lawyers are preparing a complaint to the prosecutor.",
            "Updates will follow as soon as the family hears more.",
            "The partner asks that {his} name be shared only with trusted contacts.",
            "Further details are being verified with witnesses."};
    private static final String[] CLOSINGS_RU = {
            "Организация {O} требует немедленно освободить задержанного.",
            "Партнёры просят срочно связаться с посольствами в городе {C}.",
            "Наблюдатели придут на заседание суда, если его назначат.",
            "Организация {O} просит сегодня же поднять вопрос перед властями.",
            "Местные юристы готовят жалобу в прокуратуру.",
            "Новые сведения поступят, как только семья узнает больше.",
            "Партнёр просит передавать имя только доверенным контактам.",
            "Подробности уточняются у свидетелей."};

    /** The countries the reports are about, in turn. */
    public static final List<String> COUNTRY_CODES = COUNTRIES.stream().map(Country::code).toList();

    /** Below this estimated similarity to every earlier report, ingest's threshold (0.6) is far off. */
    static final double MOST_ALIKE = 0.4;
    private static final int ATTEMPTS = 200;

    private final long seed;
    private final Instant now;
    private final Random random;
    private final NearDuplicates near = new NearDuplicates(NearDuplicates.DEFAULT_THRESHOLD);
    private final Map<Long, List<Signature>> byBand = new HashMap<>();
    private int made;

    /** Reports for one run: {@code seed} chooses the wording, {@code now} the dates (within the last two days). */
    public BenchReports(long seed, Instant now) {
        this.seed = seed;
        this.now = now;
        this.random = new Random(seed);
    }

    /**
     * The next report of the run: a person no earlier report named in its country, and a wording
     * (drawn again while needed) whose estimated similarity to every earlier report, by ingest's
     * own signature, stays below {@value #MOST_ALIKE}.
     */
    public BenchReport next() {
        int i = made;
        if (i / COUNTRIES.size() >= NAMES_PER_COUNTRY) {
            throw new IllegalStateException("a run has at most " + COUNTRIES.size() * NAMES_PER_COUNTRY
                    + " reports, each naming a different person");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BenchReport report = draw(i);
            Signature signature = near.sign(report.title(), report.text(), null);
            if (!tooAlike(signature)) {
                for (long band : signature.bandKeys()) {
                    byBand.computeIfAbsent(band, key -> new ArrayList<>()).add(signature);
                }
                made++;
                return report;
            }
        }
        throw new IllegalStateException("no wording unlike the earlier ones after " + ATTEMPTS + " attempts");
    }

    private boolean tooAlike(Signature signature) {
        for (long band : signature.bandKeys()) {
            for (Signature earlier : byBand.getOrDefault(band, List.of())) {
                if (NearDuplicates.similarity(signature, earlier) >= MOST_ALIKE) {
                    return true;
                }
            }
        }
        return false;
    }

    private BenchReport draw(int i) {
        Country country = COUNTRIES.get(i % COUNTRIES.size());
        int person = i / COUNTRIES.size();
        boolean female = person % 2 == 1;
        String[][] firstNames = female ? FEMALE : MALE;
        String[] first = firstNames[(person / 2) % firstNames.length];
        String[] surname = SURNAMES[(person / 2 / firstNames.length) % SURNAMES.length];
        boolean russian = random.nextInt(5) < 2;
        String name = russian ? first[1] + " " + surname[female ? 3 : 2] : first[0] + " " + surname[female ? 1 : 0];
        String[] role = (russian ? ROLES_RU : ROLES_EN)[random.nextInt(ROLES_EN.length)];
        List<String> cities = russian ? country.citiesRu() : country.citiesEn();
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("{N}", name);
        slots.put("{R}", role[1]);
        slots.put("{C}", cities.get(random.nextInt(cities.size())));
        slots.put("{D}", (russian ? DAYS_RU : DAYS_EN)[random.nextInt(DAYS_EN.length)]);
        slots.put("{S}", (russian ? STREETS_RU : STREETS_EN)[random.nextInt(STREETS_EN.length)]);
        slots.put("{O}", (russian ? ORGS_RU : ORGS_EN)[random.nextInt(ORGS_EN.length)]);
        slots.put("{n}", String.valueOf(3 + random.nextInt(40)));
        slots.put("{h}", String.valueOf(2 + random.nextInt(30)));
        slots.put("{he}", female ? "she" : "he");
        slots.put("{He}", female ? "She" : "He");
        slots.put("{his}", female ? "her" : "his");
        slots.put("{His}", female ? "Her" : "His");
        slots.put("{him}", female ? "her" : "him");
        slots.put("{acc}", female ? "её" : "его");
        slots.put("{a}", female ? "а" : "");
        slots.put("{ya}", female ? "ая" : "ый");
        slots.put("{ii}", female ? "ая" : "ий");
        slots.put("{om}", female ? "ой" : "ом");

        String[][] opening = (russian ? OPENINGS_RU : OPENINGS_EN)[random.nextInt(OPENINGS_EN.length)];
        String title = capitalised(fill(opening[0][random.nextInt(opening[0].length)], slots));
        StringBuilder text = new StringBuilder(capitalised(fill(opening[1][0], slots)));
        String[] details = russian ? DETAILS_RU : DETAILS_EN;
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < 3) {
            int detail = random.nextInt(details.length);
            if (!chosen.contains(detail)) {
                chosen.add(detail);
                text.append(' ').append(capitalised(fill(details[detail], slots)));
            }
        }
        String[] closings = russian ? CLOSINGS_RU : CLOSINGS_EN;
        text.append(' ').append(capitalised(fill(closings[random.nextInt(closings.length)], slots)));
        Instant occurredAt = now.minus(Duration.ofMinutes(30 + random.nextInt(48 * 60)));
        String sensitivity = random.nextInt(10) == 0 ? "restricted" : "public";
        return new BenchReport(country.code(), russian ? "ru" : "en", title, text.toString(), slots.get("{C}"),
                "bench-" + Long.toHexString(seed) + "-" + i, name, role[0], random.nextBoolean(), sensitivity, occurredAt);
    }

    private static String fill(String template, Map<String, String> slots) {
        String text = template;
        for (Map.Entry<String, String> slot : slots.entrySet()) {
            text = text.replace(slot.getKey(), slot.getValue());
        }
        return text;
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private record Country(String code, List<String> citiesEn, List<String> citiesRu) {
    }
}
