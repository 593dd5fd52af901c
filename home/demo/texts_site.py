"""Texts for the start page, the section pages and the standard pages (sv, en, ar)."""

HOME = {
    "sv": {
        "title": "Västmanland – en väg in",
        "intro": "Bredband, digital hjälp på biblioteken och e-tjänster i Västmanland – samlat på ett ställe.",
        "summary": "Bredband, digital hjälp och e-tjänster i Västmanland på ett ställe.",
    },
    "en": {
        "title": "Västmanland – one way in",
        "intro": "Broadband, digital help at the libraries and e-services in Västmanland – all in one place.",
        "summary": "Broadband, digital help and e-services in Västmanland in one place.",
    },
    "ar": {
        "title": "فستمانلاند – طريق واحد",
        "intro": "الإنترنت السريع والمساعدة الرقمية في المكتبات والخدمات الإلكترونية في فستمانلاند – في مكان واحد.",
        "summary": "الإنترنت السريع والمساعدة الرقمية والخدمات الإلكترونية في مكان واحد.",
    },
}

SECTIONS = {
    "broadband": {
        "slug": "bredband",
        "sv": {
            "title": "Bredband",
            "summary": "Få fiber, bredbandsstöd, fiberföreningar och mobiltäckning.",
            "intro": "<p>Här finns guider om fiber och mobiltäckning för hela länet, och sidor om läget i varje kommun.</p>",
        },
        "en": {
            "title": "Broadband",
            "summary": "Getting fibre, broadband subsidy, fibre associations and mobile coverage.",
            "intro": "<p>Guides about fibre and mobile coverage for the whole county, and pages about each municipality.</p>",
        },
    },
    "help": {
        "slug": "digital-hjalp",
        "sv": {
            "title": "Digital hjälp",
            "summary": "Få hjälp med BankID, 1177, Swish och e-tjänster på biblioteket nära dig.",
            "intro": "<p>Biblioteken i länet hjälper dig med mobilen, datorn och e-tjänsterna. Vissa tillfällen är drop-in, till andra bokar du plats. Hjälpen är gratis.</p>",
        },
        "en": {
            "title": "Digital help",
            "summary": "Get help with BankID, 1177, Swish and e-services at a library near you.",
            "intro": "<p>The county's libraries help you with your phone, computer and e-services. Some sessions are drop-in, for others you book a seat. The help is free.</p>",
        },
        "ar": {
            "title": "المساعدة الرقمية",
            "summary": "احصل على المساعدة في BankID و1177 وSwish والخدمات الإلكترونية في مكتبة قريبة منك.",
            "intro": "<p>تساعدك مكتبات المقاطعة في استخدام الهاتف والحاسوب والخدمات الإلكترونية. بعض الجلسات بلا موعد، وفي غيرها تحجز مقعدًا. المساعدة مجانية.</p>",
        },
    },
    "guides": {
        "slug": "e-tjanster",
        "sv": {
            "title": "E-tjänster och livshändelser",
            "summary": "Steg för steg till rätt e-tjänst när du flyttar, får barn, går i pension eller startar företag.",
            "intro": "<p>Välj det som händer i ditt liv, så visar vi stegen och länkarna till rätt e-tjänster – både statens och din kommuns.</p>",
        },
        "en": {
            "title": "E-services and life events",
            "summary": "Step by step to the right e-service when you move, have a child, retire or start a business.",
            "intro": "<p>Choose what is happening in your life and we show the steps and the links to the right e-services – the state's and your municipality's.</p>",
        },
        "ar": {
            "title": "الخدمات الإلكترونية ومراحل الحياة",
            "summary": "خطوة بخطوة إلى الخدمة الإلكترونية المناسبة.",
            "intro": "<p>اختر ما يحدث في حياتك، وسنعرض لك الخطوات والروابط إلى الخدمات الإلكترونية المناسبة.</p>",
        },
    },
    "municipalities": {
        "slug": "kommuner",
        "sv": {
            "title": "Kommuner",
            "summary": "Bredband, bibliotek och e-tjänster i din kommun.",
            "intro": "<p>Välj din kommun för att se läget för bredband, bibliotekens digitala hjälp och kommunens e-tjänster.</p>",
        },
        "en": {
            "title": "Municipalities",
            "summary": "Broadband, libraries and e-services in your municipality.",
            "intro": "<p>Choose your municipality to see broadband, the libraries' digital help and the municipality's e-services.</p>",
        },
        "ar": {
            "title": "البلديات",
            "summary": "الإنترنت والمكتبات والخدمات الإلكترونية في بلديتك.",
            "intro": "<p>اختر بلديتك لترى حالة الإنترنت والمساعدة الرقمية في المكتبات والخدمات الإلكترونية.</p>",
        },
    },
}

ABOUT = {
    "slug": "om-webbplatsen",
    "sv": {
        "title": "Om webbplatsen",
        "summary": "Vem som står bakom En väg in och varför.",
        "body": [
            (
                "text",
                "<p>En väg in samlar information om bredband, digital hjälp på biblioteken och e-tjänster i Västmanland. I dag finns informationen utspridd på många webbplatser hos kommuner, regionen och myndigheter.</p><p>Regionens digitala agenda, som antogs av regionstyrelsen 2017, utgår från livshändelser: det du behöver göra när något händer i ditt liv. Webbplatsen bygger på samma tanke. Målet i den regionala utvecklingsstrategin är att alla ska ha tillgång till snabbt bredband år 2030.</p><p>Regionen och länets tio kommuner skriver innehållet tillsammans. Biblioteken lägger själva in sina tillfällen med digital hjälp.</p>",
            )
        ],
    },
    "en": {
        "title": "About this website",
        "summary": "Who is behind En väg in and why.",
        "body": [
            (
                "text",
                "<p>En väg in (\"one way in\") gathers information about broadband, digital help at the libraries and e-services in Västmanland, which today is spread over many websites.</p><p>The region's digital agenda, adopted in 2017, starts from life events: what you need to do when something happens in your life. The regional development strategy aims for everyone to have access to fast broadband by 2030.</p><p>The region and the county's ten municipalities write the content together. The libraries publish their own digital-help sessions.</p>",
            )
        ],
    },
}

PRIVACY = {
    "slug": "personuppgifter",
    "sv": {
        "title": "Så hanterar vi personuppgifter",
        "summary": "Inga kakor, ingen spårning. Bokningar sparas bara så länge de behövs.",
        "body": [
            (
                "text",
                "<h2>Inga kakor och ingen spårning</h2><p>Webbplatsen använder inga kakor för besökare och ingen besöksstatistik från andra företag. Därför behöver du inte godkänna något.</p><h2>Sökningar</h2><p>Vi sparar vad som söks, utan att spara vem som söker, för att kunna förbättra webbplatsen.</p><h2>Bokning av digital hjälp</h2><p>När du bokar plats sparar vi ditt namn, telefonnummer eller e-post och det du skriver om vad du behöver hjälp med. Bara personalen på biblioteket ser uppgifterna. De raderas 30 dagar efter tillfället. När du bokar används en nödvändig kaka som skyddar formuläret mot missbruk.</p><h2>Rapporter om dålig mobiltäckning</h2><p>Om du lämnar kontaktuppgifter använder vi dem bara för att fråga om din rapport.</p><h2>Dina rättigheter</h2><p>Du har rätt att få veta vilka uppgifter vi har om dig, få dem rättade eller raderade, och att klaga hos Integritetsskyddsmyndigheten (IMY). Personuppgiftsansvarig är Region Västmanland.</p>",
            )
        ],
    },
    "en": {
        "title": "How we handle personal data",
        "summary": "No cookies, no tracking. Bookings are kept only as long as needed.",
        "body": [
            (
                "text",
                "<h2>No cookies and no tracking</h2><p>This website sets no cookies for visitors and uses no visitor statistics from other companies, so there is nothing to accept.</p><h2>Searches</h2><p>We store what is searched for, never who searched, to improve the site.</p><h2>Booking digital help</h2><p>When you book a seat we store your name, phone number or email and what you write about your needs. Only the library staff see it. It is deleted 30 days after the session. Booking uses one necessary cookie that protects the form from abuse.</p><h2>Your rights</h2><p>You have the right to know what data we hold about you, to have it corrected or deleted, and to complain to the Swedish Authority for Privacy Protection (IMY). The data controller is Region Västmanland.</p>",
            )
        ],
    },
}

CONTACT = {
    "slug": "kontakt",
    "sv": {
        "title": "Kontakt",
        "summary": "Vem du kontaktar om webbplatsen, om bredband och om digital hjälp.",
        "body": [
            (
                "text",
                "<p>Har du frågor om webbplatsen eller hittar du något som är fel? Skriv till oss. Frågor om bredband där du bor besvaras av din kommun: kontaktuppgifterna finns på kommunens sida om bredband. Frågor om ett tillfälle med digital hjälp besvaras av biblioteket.</p>",
            ),
            (
                "contact",
                {
                    "name": "Region Västmanland, En väg in",
                    "phone": "",
                    "email": "kontakt@example.se",
                    "url": "",
                    "hours": "Exempeluppgift i demon",
                },
            ),
        ],
    },
    "en": {
        "title": "Contact",
        "summary": "Whom to contact about the website, broadband and digital help.",
        "body": [
            (
                "text",
                "<p>Questions about the website, or found a mistake? Write to us. Questions about broadband where you live are answered by your municipality; questions about a digital-help session by the library.</p>",
            ),
            (
                "contact",
                {
                    "name": "Region Västmanland, En väg in",
                    "phone": "",
                    "email": "kontakt@example.se",
                    "url": "",
                    "hours": "Example in the demo",
                },
            ),
        ],
    },
    "ar": {
        "title": "اتصل بنا",
        "summary": "بمن تتصل بشأن الموقع والإنترنت والمساعدة الرقمية.",
        "body": [
            (
                "text",
                "<p>هل لديك أسئلة عن الموقع أو وجدت خطأ؟ اكتب إلينا. تجيب بلديتك عن أسئلة الإنترنت في منطقتك، وتجيب المكتبة عن أسئلة جلسات المساعدة الرقمية.</p>",
            ),
            (
                "contact",
                {
                    "name": "Region Västmanland, En väg in",
                    "phone": "",
                    "email": "kontakt@example.se",
                    "url": "",
                    "hours": "",
                },
            ),
        ],
    },
}

ACCESSIBILITY = {
    "slug": "tillganglighetsredogorelse",
    "sv": {
        "title": "Tillgänglighetsredogörelse",
        "summary": "Hur tillgänglig webbplatsen är, vad som inte fungerar och hur du anmäler brister.",
        "body": [
            (
                "text",
                "<p>Region Västmanland står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Den här redogörelsen beskriver hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, kända brister och hur du kan rapportera problem så att vi kan åtgärda dem.</p>"
                "<h2>Hur tillgänglig är webbplatsen?</h2><p>Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.</p>"
                "<h2>Innehåll som inte är tillgängligt</h2><ul><li>Vissa länkar leder till andra myndigheters och företags webbplatser, som vi inte ansvarar för.</li><li>Sidor som ännu inte är översatta visas på svenska också i den engelska och arabiska versionen.</li><li>Diagram om bredbandstäckning kan vara svåra att tolka; samma siffror finns alltid i en tabell.</li></ul>"
                "<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2><p>Om du behöver innehåll i ett annat format, till exempel uppläst, kan du kontakta oss via e-post eller telefon som står längst ned på sidan.</p>"
                "<h2>Rapportera brister i webbplatsens tillgänglighet</h2><p>Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs här, eller om du anser att vi inte uppfyller lagens krav, kontakta oss så att vi får veta att problemet finns. Vi svarar inom två arbetsdagar.</p>"
                '<h2>Tillsyn</h2><p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du <a href="https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet">kontakta Digg och påtala det</a>.</p>'
                "<h2>Teknisk information om webbplatsens tillgänglighet</h2><p>Webbplatsen är delvis förenlig med standarden EN 301 549 och WCAG 2.1 nivå AA.</p>"
                "<h2>Hur vi testat webbplatsen</h2><p>Vi har gjort en självskattning (intern testning) av webbplatsen. Varje ändring testas automatiskt med verktyget axe-core i webbläsaren Chromium på svenska och arabiska sidor, och vi testar manuellt med tangentbord, skärmläsare och 200 procents förstoring.</p><p>Senaste bedömningen gjordes den 23 november 2026. Redogörelsen uppdaterades senast den 23 november 2026.</p>",
            )
        ],
    },
    "en": {
        "title": "Accessibility statement",
        "summary": "How accessible the website is, what does not work and how to report problems.",
        "body": [
            (
                "text",
                "<p>Region Västmanland is responsible for this website. We want as many people as possible to be able to use it. This statement describes how the website complies with the Swedish Act (2018:1937) on accessibility to digital public services, known issues and how to report problems.</p>"
                "<h2>Compliance status</h2><p>The website is partially compliant, due to the issues described below.</p>"
                "<h2>Content that is not accessible</h2><ul><li>Some links lead to other authorities' and companies' websites, which we are not responsible for.</li><li>Pages not yet translated are shown in Swedish in the English and Arabic versions.</li><li>Coverage charts can be hard to interpret; the same figures are always in a table.</li></ul>"
                "<h2>Report accessibility problems</h2><p>Contact us by email or phone (at the bottom of each page). We reply within two working days.</p>"
                '<h2>Enforcement</h2><p>The Agency for Digital Government (Digg) supervises the Act. If you are not satisfied with how we handle your feedback, you can <a href="https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet">report it to Digg</a>.</p>'
                "<h2>How we tested the website</h2><p>Self-assessment: every change is tested automatically with axe-core in Chromium on Swedish and Arabic pages, and manually with keyboard, screen reader and 200 per cent zoom. The latest assessment was made on 23 November 2026.</p>",
            )
        ],
    },
    "ar": {
        "title": "بيان إمكانية الوصول",
        "summary": "مدى سهولة استخدام الموقع، وما لا يعمل، وكيف تبلغ عن المشكلات.",
        "body": [
            (
                "text",
                "<p>منطقة فستمانلاند مسؤولة عن هذا الموقع. نريد أن يتمكن أكبر عدد ممكن من الناس من استخدامه. يصف هذا البيان مدى توافق الموقع مع القانون السويدي (2018:1937) بشأن إمكانية الوصول إلى الخدمات العامة الرقمية.</p>"
                "<h2>حالة التوافق</h2><p>الموقع متوافق جزئيًا بسبب المشكلات الموضحة أدناه.</p>"
                "<h2>محتوى غير متاح</h2><ul><li>تؤدي بعض الروابط إلى مواقع جهات أخرى لسنا مسؤولين عنها.</li><li>الصفحات غير المترجمة تُعرض باللغة السويدية.</li></ul>"
                "<h2>الإبلاغ عن المشكلات</h2><p>تواصل معنا عبر البريد الإلكتروني أو الهاتف المذكورين أسفل الصفحة. نرد خلال يومي عمل.</p>"
                '<h2>الرقابة</h2><p>تتولى هيئة الإدارة الرقمية (Digg) الرقابة على هذا القانون. إذا لم تكن راضيًا عن طريقة تعاملنا مع ملاحظاتك، يمكنك <a href="https://www.digg.se/analys-och-uppfoljning/lagen-om-tillganglighet-till-digital-offentlig-service-dos-lagen/anmal-bristande-tillganglighet">إبلاغ Digg</a>.</p>'
                "<h2>كيف اختبرنا الموقع</h2><p>تقييم ذاتي: يُختبر كل تغيير تلقائيًا بأداة axe-core في متصفح Chromium، ويدويًا بلوحة المفاتيح وقارئ الشاشة والتكبير 200 بالمئة. أُجري آخر تقييم في 23 نوفمبر 2026.</p>",
            )
        ],
    },
}

# Digital-help session series. Two or more are given to every library in turn.
SESSIONS = [
    {
        "key": "bankid",
        "title": "Få hjälp med BankID",
        "summary": "Drop-in: vi hjälper dig att skaffa, installera och använda BankID i mobilen.",
        "topics": ["bankid"],
        "languages": ["sv"],
        "audience": "everyone",
        "booking": False,
        "repeat": "weekly",
        "weekday": 1,
        "start": "10:00",
        "end": "12:00",
    },
    {
        "key": "1177",
        "title": "1177 och vården på nätet",
        "summary": "Lär dig logga in på 1177, boka tid och förnya recept. Boka plats.",
        "topics": ["1177"],
        "languages": ["sv"],
        "audience": "seniors",
        "booking": True,
        "capacity": 8,
        "repeat": "biweekly",
        "weekday": 3,
        "start": "14:00",
        "end": "15:30",
    },
    {
        "key": "brevlada",
        "title": "Digital brevlåda – så kommer du i gång",
        "summary": "Vi hjälper dig att skaffa Min myndighetspost eller Kivra.",
        "topics": ["digital-brevlada"],
        "languages": ["sv"],
        "audience": "everyone",
        "booking": True,
        "capacity": 6,
        "repeat": "monthly",
        "weekday": 0,
        "start": "13:00",
        "end": "14:30",
    },
    {
        "key": "swish",
        "title": "Swish och säkra betalningar",
        "summary": "Drop-in om Swish, bankappen och hur du undviker bedrägerier.",
        "topics": ["swish"],
        "languages": ["sv"],
        "audience": "seniors",
        "booking": False,
        "repeat": "weekly",
        "weekday": 4,
        "start": "10:00",
        "end": "11:30",
    },
    {
        "key": "seniorkurs",
        "title": "Dator och mobil för seniorer – grundkurs",
        "summary": "En kurs i fyra delar för dig som är ny med dator, surfplatta eller smart mobil. Du kan låna en surfplatta.",
        "topics": ["datorgrunder"],
        "languages": ["sv"],
        "audience": "seniors",
        "booking": True,
        "capacity": 10,
        "repeat": "weekly",
        "weekday": 2,
        "start": "10:00",
        "end": "12:00",
        "weeks": 8,
    },
    {
        "key": "arabiska",
        "title": "Digital hjälp på arabiska",
        "summary": "Hjälp med BankID, 1177 och e-tjänster på arabiska och svenska. Drop-in.",
        "topics": ["bankid", "e-tjanster"],
        "languages": ["ar", "sv"],
        "audience": "newcomers",
        "booking": False,
        "repeat": "biweekly",
        "weekday": 2,
        "start": "16:00",
        "end": "18:00",
    },
    {
        "key": "english",
        "title": "Digital help in English",
        "summary": "Drop-in help with Swedish e-services, BankID and the digital mailbox, in English.",
        "topics": ["e-tjanster", "bankid"],
        "languages": ["en"],
        "audience": "newcomers",
        "booking": False,
        "repeat": "monthly",
        "weekday": 3,
        "start": "17:00",
        "end": "19:00",
    },
    {
        "key": "somaliska",
        "title": "Digital hjälp på somaliska",
        "summary": "Hjälp med e-tjänster och digital brevlåda på somaliska och svenska.",
        "topics": ["e-tjanster", "digital-brevlada"],
        "languages": ["so", "sv"],
        "audience": "newcomers",
        "booking": False,
        "repeat": "biweekly",
        "weekday": 0,
        "start": "15:00",
        "end": "17:00",
    },
]

# Local content translated in the demo: Västerås, its city library and the Arabic-language session,
# so that every page type exists in Arabic (and English) too. Keyed by kommunkod.
TRANSLATED_LOCAL = {
    "1980": {
        "municipality": {
            "ar": {
                "title": "فيستروس",
                "summary": "الإنترنت السريع والمكتبات التي تقدم المساعدة الرقمية والخدمات الإلكترونية في فيستروس.",
                "body": "<p>هنا تجد حالة الإنترنت السريع والمساعدة الرقمية في المكتبات والخدمات الإلكترونية في بلدية فيستروس.</p>",
            },
        },
        "library": {
            "en": {
                "title": "Västerås City Library",
                "summary": "Digital help, computers and wifi at Västerås City Library.",
                "opening_hours": "Monday–Thursday 10–19\nFriday 10–17\nSaturday 11–15",
                "equipment": "<p>Computers with internet, wifi, printer and scanner.</p>",
                "accessibility": "<p>Step-free entrance. Hearing loop at the desk. (Example in the demo.)</p>",
            },
            "ar": {
                "title": "مكتبة مدينة فيستروس",
                "summary": "مساعدة رقمية وحواسيب وشبكة واي فاي في مكتبة مدينة فيستروس.",
                "opening_hours": "الاثنين–الخميس 10–19\nالجمعة 10–17\nالسبت 11–15",
                "equipment": "<p>حواسيب متصلة بالإنترنت، وشبكة واي فاي، وطابعة وماسح ضوئي.</p>",
                "accessibility": "<p>المدخل بلا درج. توجد حلقة سمعية عند مكتب الاستقبال. (مثال في العرض التجريبي.)</p>",
            },
        },
        "sessions": {
            "arabiska": {
                "en": {
                    "title": "Digital help in Arabic – Västerås City Library",
                    "summary": "Help with BankID, 1177 and e-services in Arabic and Swedish. Drop-in.",
                    "description": "<p>Help with BankID, 1177 and e-services in Arabic and Swedish. Free, no booking. Bring your phone or tablet.</p>",
                    "place": "The study room (example)",
                },
                "ar": {
                    "title": "مساعدة رقمية باللغة العربية – مكتبة مدينة فيستروس",
                    "summary": "مساعدة في BankID و1177 والخدمات الإلكترونية باللغتين العربية والسويدية. بلا موعد.",
                    "description": "<p>مساعدة في BankID و1177 والخدمات الإلكترونية باللغتين العربية والسويدية. مجانًا ومن دون حجز. أحضر هاتفك أو جهازك اللوحي.</p>",
                    "place": "غرفة الدراسة (مثال)",
                },
            },
        },
    },
}

# Approximate town-centre coordinates for the main libraries (examples for the map data; not
# surveyed positions of the buildings). Branches are left without coordinates.
TOWN_CENTRES = {
    "1980": (59.6099, 16.5448),
    "1983": (59.5140, 15.9926),
    "1984": (59.3939, 15.8388),
    "1960": (59.4222, 16.0967),
    "1961": (59.6131, 16.2286),
    "1907": (59.7092, 16.2136),
    "1981": (59.9199, 16.6066),
    "1982": (60.0042, 15.7932),
    "1962": (60.0654, 15.9256),
    "1904": (59.8296, 15.6905),
}
