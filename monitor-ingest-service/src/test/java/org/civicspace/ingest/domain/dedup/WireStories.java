package org.civicspace.ingest.domain.dedup;

/**
 * Invented stories for the duplicate tests: one wire story as its agency sent it and as two
 * outlets republished it (their own headline, intro and outro, small edits, markup left over),
 * a different story on the same topic in the same country, and a follow-up that reuses the
 * first story's background — in English and in Russian. Names and events are made up.
 */
public final class WireStories {

    private WireStories() {
    }

    public static final String EN_WIRE_TITLE = "Police detain editor of independent weekly in Bishkek";
    public static final String EN_WIRE_TEXT = """
            Police in Bishkek on Tuesday detained Aibek Saryev, the editor of the independent weekly \
            Kok Zhar, hours after the paper published an investigation into the sale of municipal land, \
            his colleagues said.

            Officers in plain clothes searched the newsroom for more than three hours and took away \
            laptops, hard drives and the paper's archive of printed issues, according to two staff \
            members who were present. Saryev was then driven to the city police headquarters.

            A police spokesman confirmed that a criminal case had been opened under the article of the \
            criminal code on calls to mass unrest, but declined to say what the editor was accused of \
            writing. If convicted, Saryev faces up to eight years in prison.

            Kok Zhar has a print run of about 4,500 copies and a larger audience online. Its reporters \
            have been summoned for questioning several times this year over articles about local \
            officials, and its website was blocked for two weeks in the spring.

            Press freedom groups called for the editor's immediate release. "Detaining an editor on the \
            day his newspaper names officials in a land deal sends a message to every journalist in the \
            country," said a representative of a regional media rights organisation.

            Saryev's lawyer said she had not been allowed to see her client on Tuesday evening and would \
            appeal against his detention. A court is expected to decide on Thursday whether to keep him \
            in custody pending trial.
            """;

    public static final String EN_OUTLET_A_TITLE = "Independent editor Aibek Saryev detained after land-sale exposé";
    public static final String EN_OUTLET_A_TEXT = """
            BISHKEK — The following report was filed by our partner news agency.

            Police in Bishkek on Tuesday detained Aibek Saryev, the editor of the independent weekly \
            Kok Zhar, hours after the newspaper published an investigation into the sale of municipal \
            land, his colleagues said.

            Officers in plain clothes searched the newsroom for more than three hours and took away \
            laptops, hard drives and the paper's archive of printed issues, according to two staff \
            members who were present. Saryev was then driven to the city police headquarters.

            A police spokesman confirmed that a criminal case had been opened under the article of the \
            criminal code on calls to mass unrest, but declined to say what the editor was accused of \
            writing. If convicted, Saryev could face up to eight years in prison.

            Kok Zhar has a print run of about 4 500 copies and a larger audience online. Its reporters \
            have been summoned for questioning several times this year over articles about local \
            officials, and its website was blocked for two weeks in the spring.

            Press freedom groups called for the editor's immediate release. "Detaining an editor on the \
            day his newspaper names officials in a land deal sends a message to every journalist in the \
            country," said a representative of a regional media rights organisation.

            Saryev's lawyer said she had not been allowed to see her client on Tuesday evening and would \
            appeal against his detention. A court is expected to decide on Thursday whether to keep him \
            in custody pending trial.

            Subscribe to our newsletter for daily news from Central Asia.
            """;

    public static final String EN_OUTLET_B_TITLE = "Kyrgyzstan: editor of Kok Zhar weekly held by police";
    public static final String EN_OUTLET_B_TEXT = """
            <p>The editor of an independent weekly was detained in the Kyrgyz capital this week, the \
            latest in a series of cases against the press.</p>
            <p>Police in Bishkek on Tuesday detained Aibek&nbsp;Saryev, the editor of the independent \
            weekly &laquo;Kok Zhar&raquo;, hours after the paper published an investigation into the sale \
            of municipal land, his colleagues said.</p>

            <p>Officers   in plain clothes searched the newsroom for more than three hours and took away \
            laptops, hard drives and the paper&#8217;s archive of printed issues, according to two staff \
            members who were present. Saryev was then driven to the city police headquarters.</p>
            <p>Press freedom groups called for the editor’s immediate release. “Detaining an editor on the \
            day his newspaper names officials in a land deal sends a message to every journalist in the \
            country,” said a representative of a regional media rights organisation.</p>
            <p>A police spokesman confirmed that a criminal case had been opened under the article of the \
            criminal code on calls to mass unrest but declined to say what the editor was accused of \
            writing. If convicted, Saryev faces up to eight years in prison.</p>
            <p>Kok Zhar has a print run of about 4,500 copies and a larger audience online. Its reporters \
            have been summoned for questioning several times this year over articles about local \
            officials, and its website was blocked for two weeks in the spring.</p>
            <p>Saryev's lawyer said she had not been allowed to see her client on Tuesday evening and would \
            appeal against his detention. A court is expected to decide on Thursday whether to keep him \
            in custody pending trial.</p>
            <p><a href="/tags/press-freedom">More on press freedom</a></p>
            """;

    public static final String EN_OTHER_TITLE = "Reporter detained in Bishkek over coverage of border protest";
    public static final String EN_OTHER_TEXT = """
            A reporter for an online news site was detained in Bishkek on Friday after covering a protest \
            by residents of a border village, the site's management said.

            Nurlan Temirov, who has worked for the site for six years, was stopped by police outside his \
            home and taken in for questioning about a video he filmed at the protest. The video showed \
            police pushing several elderly women away from the entrance of a district administration \
            building.

            His employer said that Temirov was accused of spreading false information and that his phone \
            and camera had been confiscated. The police did not respond to a request for comment.

            Media rights organisations said the case was part of a pattern of pressure on journalists in \
            the country and called on the authorities to release Temirov and return his equipment. The \
            reporter's family said he had not been allowed to call them.

            The protest was about a new checkpoint that residents say cuts them off from their pastures. \
            Local officials have promised to review the placement of the checkpoint by the end of the \
            month.
            """;

    public static final String EN_FOLLOW_UP_TITLE = "Court releases Kok Zhar editor under house arrest";
    public static final String EN_FOLLOW_UP_TEXT = """
            A court in Bishkek on Thursday ordered Aibek Saryev, the editor of the independent weekly Kok \
            Zhar, to be released from custody and placed under house arrest for two months while the \
            investigation continues.

            The judge rejected the prosecution's request to keep the editor in a detention centre, saying \
            there was no evidence that he would try to flee or put pressure on witnesses. Saryev left the \
            courtroom to applause from colleagues and supporters.

            Police in Bishkek on Tuesday detained Saryev hours after the paper published an investigation \
            into the sale of municipal land. Officers in plain clothes searched the newsroom for more than \
            three hours and took away laptops, hard drives and the paper's archive of printed issues.

            A criminal case had been opened under the article of the criminal code on calls to mass \
            unrest. If convicted, Saryev faces up to eight years in prison.

            His lawyer said the house arrest still prevented him from working and that she would \
            challenge the charges themselves.
            """;

    public static final String RU_WIRE_TITLE = "В Бишкеке задержан редактор независимого еженедельника";
    public static final String RU_WIRE_TEXT = """
            Во вторник в Бишкеке полиция задержала Айбека Сарыева, редактора независимого еженедельника \
            «Кок Жар», через несколько часов после публикации расследования о продаже муниципальной земли, \
            сообщили его коллеги.

            Сотрудники в штатском более трёх часов обыскивали редакцию и изъяли ноутбуки, жёсткие диски и \
            архив печатных номеров газеты, рассказали двое сотрудников, присутствовавших при обыске. \
            Затем Сарыева доставили в городское управление полиции.

            Представитель полиции подтвердил, что возбуждено уголовное дело по статье о призывах к \
            массовым беспорядкам, но не уточнил, за какие именно публикации преследуют редактора. \
            Если его признают виновным, ему грозит до восьми лет лишения свободы.

            Тираж «Кок Жар» составляет около 4500 экземпляров, в интернете у издания гораздо больше \
            читателей. В этом году журналистов газеты несколько раз вызывали на допросы из-за статей о \
            местных чиновниках, а весной сайт издания был заблокирован на две недели.

            Организации, защищающие свободу прессы, потребовали немедленно освободить редактора. \
            «Задержание редактора в тот день, когда его газета называет чиновников, причастных к \
            земельной сделке, — это сигнал каждому журналисту в стране», — заявил представитель \
            региональной организации по защите прав СМИ.

            Адвокат Сарыева сообщила, что во вторник вечером её не пустили к подзащитному, и она \
            обжалует задержание. В четверг суд должен решить, оставить ли редактора под стражей до суда.
            """;

    public static final String RU_OUTLET_A_TITLE = "Задержан редактор газеты «Кок Жар» Айбек Сарыев";
    public static final String RU_OUTLET_A_TEXT = """
            Публикуем сообщение нашего партнёрского информационного агентства.

            Во вторник в Бишкеке полиция задержала Айбека Сарыева, редактора независимого еженедельника \
            "Кок Жар", через несколько часов после публикации расследования о продаже муниципальной \
            земли, сообщили его коллеги.

            Сотрудники в штатском более трех часов обыскивали редакцию и изъяли ноутбуки, жесткие диски и \
            архив печатных номеров газеты, рассказали двое сотрудников, присутствовавших при обыске. \
            Затем Сарыева доставили в городское управление полиции.

            Представитель полиции подтвердил, что возбуждено уголовное дело по статье о призывах к \
            массовым беспорядкам, но не уточнил, за какие публикации преследуют редактора. Если его \
            признают виновным, ему может грозить до восьми лет лишения свободы.

            Тираж «Кок Жар» составляет около 4 500 экземпляров, в интернете у издания гораздо больше \
            читателей. В этом году журналистов газеты несколько раз вызывали на допросы из-за статей о \
            местных чиновниках, а весной сайт издания был заблокирован на две недели.

            Организации, защищающие свободу прессы, потребовали немедленно освободить редактора. \
            «Задержание редактора в тот день, когда его газета называет чиновников, причастных к \
            земельной сделке, — это сигнал каждому журналисту в стране», — заявил представитель \
            региональной организации по защите прав СМИ.

            Адвокат Сарыева сообщила, что во вторник вечером её не пустили к подзащитному, и она \
            обжалует задержание. В четверг суд должен решить, оставить ли редактора под стражей до суда.

            Подписывайтесь на наш канал, чтобы первыми узнавать новости Центральной Азии.
            """;

    public static final String RU_OUTLET_B_TITLE = "Кыргызстан: полиция задержала редактора «Кок Жар»";
    public static final String RU_OUTLET_B_TEXT = """
            <p>В столице Кыргызстана задержан редактор независимого издания — это уже не первое дело \
            против журналистов в этом году.</p>
            <p>Во вторник в Бишкеке полиция задержала Айбека&nbsp;Сарыева, редактора независимого \
            еженедельника &laquo;Кок Жар&raquo;, через несколько часов после публикации расследования о \
            продаже муниципальной земли, сообщили его коллеги.</p>
            <p>Организации, защищающие свободу прессы, потребовали немедленно освободить редактора. \
            «Задержание редактора в тот день, когда его газета называет чиновников, причастных к \
            земельной сделке, &mdash; это сигнал каждому журналисту в стране», &mdash; заявил представитель \
            региональной организации по защите прав СМИ.</p>
            <p>Сотрудники   в штатском более трёх часов обыскивали редакцию и изъяли ноутбуки, жёсткие \
            диски и архив печатных номеров газеты, рассказали двое сотрудников, присутствовавших при \
            обыске. Затем Сарыева доставили в городское управление полиции.</p>
            <p>Представитель полиции подтвердил, что возбуждено уголовное дело по статье о призывах к \
            массовым беспорядкам, но не уточнил, за какие именно публикации преследуют редактора. \
            Если его признают виновным, ему грозит до восьми лет лишения свободы.</p>
            <p>Тираж &laquo;Кок Жар&raquo; составляет около 4500 экземпляров, в интернете у издания \
            гораздо больше читателей. В этом году журналистов газеты несколько раз вызывали на допросы \
            из-за статей о местных чиновниках, а весной сайт издания был заблокирован на две недели.</p>
            <p>Адвокат Сарыева сообщила, что во вторник вечером её не пустили к подзащитному, и она \
            обжалует задержание. В четверг суд должен решить, оставить ли редактора под стражей до суда.</p>
            <p><a href="/tags/media">Все новости о СМИ</a></p>
            """;

    public static final String RU_OTHER_TITLE = "В Бишкеке задержали репортёра, снимавшего протест у границы";
    public static final String RU_OTHER_TEXT = """
            В пятницу в Бишкеке задержан репортёр новостного сайта, который освещал протест жителей \
            приграничного села, сообщило руководство издания.

            Нурлана Темирова, который работает на сайте шесть лет, остановили полицейские у его дома и \
            доставили на допрос из-за видео, снятого им на акции. На видео видно, как полицейские \
            оттесняют нескольких пожилых женщин от входа в здание районной администрации.

            По словам работодателя, Темирова обвиняют в распространении ложной информации, его телефон \
            и камера изъяты. В полиции на запрос о комментарии не ответили.

            Правозащитные организации, работающие со СМИ, назвали это дело частью давления на \
            журналистов в стране и призвали власти освободить Темирова и вернуть ему оборудование. \
            Родственники репортёра говорят, что ему не дали позвонить семье.

            Жители протестовали против нового контрольно-пропускного пункта, который, по их словам, \
            отрезает их от пастбищ. Местные власти пообещали до конца месяца пересмотреть его \
            расположение.
            """;
}
