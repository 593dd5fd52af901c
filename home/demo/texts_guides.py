"""E-services, topics, life events and life-event guides for the demo (sv source, en, some ar).

A step is (kind, title, text, eservice key or None); kind is "step", "optional" or "andor".
"""

TOPICS = {
    "bankid": {
        "sv": "BankID och e-legitimation",
        "en": "BankID and e-ID",
        "ar": "BankID والهوية الإلكترونية",
    },
    "1177": {"sv": "1177 och vården", "en": "1177 and healthcare", "ar": "1177 والرعاية الصحية"},
    "digital-brevlada": {"sv": "Digital brevlåda", "en": "Digital mailbox", "ar": "صندوق البريد الرقمي"},
    "swish": {"sv": "Swish och betalningar", "en": "Swish and payments", "ar": "Swish والدفع"},
    "datorgrunder": {
        "sv": "Dator och mobil – grunder",
        "en": "Computer and phone basics",
        "ar": "أساسيات الحاسوب والهاتف",
    },
    "e-tjanster": {"sv": "E-tjänster", "en": "E-services", "ar": "الخدمات الإلكترونية"},
    "fiber": {"sv": "Fiber och bredband", "en": "Fibre and broadband", "ar": "الألياف والإنترنت"},
    "mobiltackning": {"sv": "Mobiltäckning", "en": "Mobile coverage", "ar": "تغطية الهاتف المحمول"},
}

LIFE_EVENTS = {
    "flytta": {"sv": "Flytta", "en": "Moving"},
    "fa-barn": {"sv": "Få barn", "en": "Having a child"},
    "ga-i-pension": {"sv": "Gå i pension", "en": "Retiring"},
    "starta-foretag": {"sv": "Starta företag", "en": "Starting a business"},
    "e-legitimation": {"sv": "Skaffa e-legitimation", "en": "Getting an e-ID"},
    "digital-post": {"sv": "Digital post", "en": "Digital post"},
    "vard": {"sv": "Vård", "en": "Healthcare"},
    "anhorig": {"sv": "Hjälpa en anhörig", "en": "Helping a relative"},
}

# key: (name sv, name en, provider, url or None for municipal services, needs e-ID, topics, life events, description sv, description en)
ESERVICES = {
    "flyttanmalan": (
        "Flyttanmälan",
        "Notification of move",
        "Skatteverket",
        "https://www.skatteverket.se/",
        True,
        ["e-tjanster"],
        ["flytta"],
        "Anmäl din nya adress inom en vecka efter flytten. Det är gratis.",
        "Report your new address within one week of moving. It is free.",
    ),
    "foraldrapenning": (
        "Föräldrapenning och VAB",
        "Parental benefit and care of a sick child",
        "Försäkringskassan",
        "https://www.forsakringskassan.se/",
        True,
        ["e-tjanster"],
        ["fa-barn"],
        "Ansök om föräldrapenning och anmäl vård av sjukt barn.",
        "Apply for parental benefit and report care of a sick child.",
    ),
    "verksamt": (
        "verksamt.se",
        "verksamt.se",
        "Bolagsverket, Skatteverket och Tillväxtverket",
        "https://verksamt.se/",
        True,
        ["e-tjanster"],
        ["starta-foretag"],
        "Myndigheternas gemensamma tjänst för att starta och driva företag.",
        "The agencies' joint service for starting and running a business.",
    ),
    "1177": (
        "1177 – vården på nätet",
        "1177 – healthcare online",
        "Regionerna genom Inera",
        "https://www.1177.se/",
        True,
        ["1177"],
        ["vard"],
        "Läs om sjukdomar, boka tid, förnya recept och läs din journal.",
        "Read about illnesses, book appointments, renew prescriptions and read your records.",
    ),
    "pension": (
        "Ansök om pension",
        "Apply for a pension",
        "Pensionsmyndigheten",
        "https://www.pensionsmyndigheten.se/",
        True,
        ["e-tjanster"],
        ["ga-i-pension"],
        "Ansök om allmän pension och se en prognos.",
        "Apply for a state pension and see a forecast.",
    ),
    "minmyndighetspost": (
        "Min myndighetspost",
        "Min myndighetspost (digital mailbox)",
        "Myndigheten för digital förvaltning (Digg)",
        "https://minmyndighetspost.se/",
        True,
        ["digital-brevlada"],
        ["digital-post"],
        "Statens digitala brevlåda. Du måste vara 18 år och ha e-legitimation.",
        "The state's digital mailbox. You must be 18 and have an e-ID.",
    ),
    "kivra": (
        "Kivra",
        "Kivra",
        "Kivra",
        "https://kivra.com/",
        True,
        ["digital-brevlada"],
        ["digital-post"],
        "En digital brevlåda för post från myndigheter och företag.",
        "A digital mailbox for post from authorities and companies.",
    ),
    "bankid": (
        "BankID",
        "BankID",
        "Bankerna",
        "https://www.bankid.com/",
        False,
        ["bankid"],
        ["e-legitimation"],
        "Den vanligaste e-legitimationen. Du beställer den hos din bank.",
        "The most common e-ID. You order it from your bank.",
    ),
    "freja": (
        "Freja eID",
        "Freja eID",
        "Freja eID Group",
        "https://frejaeid.com/",
        False,
        ["bankid"],
        ["e-legitimation"],
        "En e-legitimation i mobilen som du kan skaffa utan bank.",
        "An e-ID in your phone that you can get without a bank.",
    ),
    "forskoleplats": (
        "Ansök om plats i förskola",
        "Apply for a preschool place",
        "Din kommun",
        None,
        True,
        ["e-tjanster"],
        ["fa-barn", "flytta"],
        "Varje kommun har en egen e-tjänst för förskoleplats.",
        "Each municipality has its own e-service for preschool places.",
    ),
    "hemtjanst": (
        "Ansök om hemtjänst",
        "Apply for home-help services",
        "Din kommun",
        None,
        True,
        ["e-tjanster"],
        ["anhorig", "ga-i-pension"],
        "Hjälp i hemmet för dig som är äldre eller har en funktionsnedsättning. Ansökan görs hos kommunen.",
        "Help at home for older people and people with disabilities. You apply to the municipality.",
    ),
    "bygglov": (
        "Ansök om bygglov",
        "Apply for a building permit",
        "Din kommun",
        None,
        True,
        ["e-tjanster"],
        ["starta-foretag", "flytta"],
        "Bygglov söks hos kommunen där fastigheten ligger.",
        "Building permits are applied for in the municipality where the property is.",
    ),
}

GUIDES = [
    {
        "slug": "flytta",
        "life_event": "flytta",
        "topics": ["e-tjanster"],
        "sv": {
            "title": "Flytta",
            "summary": "Det här gör du när du flyttar: adressändring, skola och förskola, el och bredband.",
            "steps": [
                (
                    "step",
                    "Anmäl flytten till Skatteverket",
                    "Gör det inom en vecka efter flytten. Då får myndigheterna din nya adress.",
                    "flyttanmalan",
                ),
                (
                    "step",
                    "Ansök om förskoleplats i den nya kommunen",
                    "Om du har barn i förskoleåldern.",
                    "forskoleplats",
                ),
                (
                    "optional",
                    "Beställ fiber eller flytta ditt bredband",
                    "Se om fiber finns på din nya adress.",
                    None,
                ),
                ("andor", "Eftersänd posten", "Eftersändning beställer du hos PostNord, mot avgift.", None),
            ],
        },
        "en": {
            "title": "Moving",
            "summary": "What to do when you move: change of address, school and preschool, power and broadband.",
            "steps": [
                (
                    "step",
                    "Report your move to the Tax Agency",
                    "Do it within one week of moving. Then the authorities get your new address.",
                    "flyttanmalan",
                ),
                (
                    "step",
                    "Apply for a preschool place in your new municipality",
                    "If you have children of preschool age.",
                    "forskoleplats",
                ),
                (
                    "optional",
                    "Order fibre or move your broadband",
                    "Check whether fibre is available at your new address.",
                    None,
                ),
                ("andor", "Forward your post", "Mail forwarding is ordered from PostNord, for a fee.", None),
            ],
        },
    },
    {
        "slug": "fa-barn",
        "life_event": "fa-barn",
        "topics": ["e-tjanster"],
        "sv": {
            "title": "Få barn",
            "summary": "Föräldrapenning, barnbidrag och förskoleplats – det här behöver du göra.",
            "steps": [
                (
                    "step",
                    "Ansök om föräldrapenning",
                    "Barnbidraget kommer automatiskt. Föräldrapenningen söker du själv.",
                    "foraldrapenning",
                ),
                (
                    "step",
                    "Ansök om plats i förskola",
                    "Ansök i god tid, oftast fyra månader innan barnet ska börja.",
                    "forskoleplats",
                ),
            ],
        },
        "en": {
            "title": "Having a child",
            "summary": "Parental benefit, child allowance and preschool – what you need to do.",
            "steps": [
                (
                    "step",
                    "Apply for parental benefit",
                    "Child allowance comes automatically. Parental benefit you apply for yourself.",
                    "foraldrapenning",
                ),
                (
                    "step",
                    "Apply for a preschool place",
                    "Apply in good time, usually four months before the child starts.",
                    "forskoleplats",
                ),
            ],
        },
    },
    {
        "slug": "ga-i-pension",
        "life_event": "ga-i-pension",
        "topics": ["e-tjanster"],
        "sv": {
            "title": "Gå i pension",
            "summary": "Så ansöker du om pension och får hjälp att planera.",
            "steps": [
                (
                    "step",
                    "Se din pensionsprognos",
                    "Logga in hos Pensionsmyndigheten med e-legitimation.",
                    "pension",
                ),
                (
                    "step",
                    "Ansök om allmän pension",
                    "Ansök några månader innan du vill ha din första utbetalning.",
                    "pension",
                ),
                (
                    "optional",
                    "Få hjälp på biblioteket",
                    "Biblioteken i länet hjälper dig att logga in och fylla i ansökan.",
                    None,
                ),
            ],
        },
        "en": {
            "title": "Retiring",
            "summary": "How to apply for your pension and get help planning.",
            "steps": [
                (
                    "step",
                    "See your pension forecast",
                    "Log in at the Pensions Agency with an e-ID.",
                    "pension",
                ),
                (
                    "step",
                    "Apply for a state pension",
                    "Apply a few months before you want your first payment.",
                    "pension",
                ),
                (
                    "optional",
                    "Get help at the library",
                    "The county's libraries help you log in and fill in the application.",
                    None,
                ),
            ],
        },
    },
    {
        "slug": "starta-foretag",
        "life_event": "starta-foretag",
        "topics": ["e-tjanster"],
        "sv": {
            "title": "Starta företag",
            "summary": "Registrera företaget, anmäl skatter och sök de tillstånd du behöver.",
            "steps": [
                ("step", "Registrera företaget och anmäl F-skatt", "Allt görs på verksamt.se.", "verksamt"),
                (
                    "step",
                    "Sök tillstånd och bygglov hos kommunen",
                    "Om du ska bygga om lokaler eller servera mat behöver du tillstånd från kommunen.",
                    "bygglov",
                ),
                (
                    "optional",
                    "Få råd från kommunens näringslivskontor",
                    "Kommunen kan hjälpa dig att hitta lokal och kontakter.",
                    None,
                ),
            ],
        },
        "en": {
            "title": "Starting a business",
            "summary": "Register the business, register for tax and apply for the permits you need.",
            "steps": [
                (
                    "step",
                    "Register the business and for F-tax",
                    "All of it is done at verksamt.se.",
                    "verksamt",
                ),
                (
                    "step",
                    "Apply for permits and building permits from the municipality",
                    "If you rebuild premises or serve food you need permits from the municipality.",
                    "bygglov",
                ),
                (
                    "optional",
                    "Get advice from the municipality's business office",
                    "The municipality can help you find premises and contacts.",
                    None,
                ),
            ],
        },
    },
    {
        "slug": "skaffa-bankid",
        "life_event": "e-legitimation",
        "topics": ["bankid"],
        "sv": {
            "title": "Skaffa BankID eller annan e-legitimation",
            "summary": "Med en e-legitimation loggar du in hos myndigheter, vården och banken. Så skaffar du en.",
            "steps": [
                (
                    "step",
                    "Skaffa BankID hos din bank",
                    "Du behöver en bank i Sverige, ett svenskt personnummer och en mobil eller dator.",
                    "bankid",
                ),
                (
                    "andor",
                    "Skaffa Freja eID",
                    "Freja fungerar utan bank. Du visar din id-handling i appen eller hos ett ombud.",
                    "freja",
                ),
                (
                    "optional",
                    "Få hjälp på biblioteket",
                    "Många tycker att det är svårt första gången. Biblioteken har drop-in med hjälp att installera och använda BankID.",
                    None,
                ),
            ],
        },
        "en": {
            "title": "Get BankID or another e-ID",
            "summary": "With an e-ID you log in to authorities, healthcare and your bank. How to get one.",
            "steps": [
                (
                    "step",
                    "Get BankID from your bank",
                    "You need a bank in Sweden, a Swedish personal identity number and a phone or computer.",
                    "bankid",
                ),
                (
                    "andor",
                    "Get Freja eID",
                    "Freja works without a bank. You show your ID document in the app or at an agent.",
                    "freja",
                ),
                (
                    "optional",
                    "Get help at the library",
                    "Many find it hard the first time. Libraries have drop-in help to install and use BankID.",
                    None,
                ),
            ],
        },
        "ar": {
            "title": "احصل على BankID أو هوية إلكترونية أخرى",
            "summary": "بالهوية الإلكترونية تسجّل الدخول إلى الجهات الحكومية والرعاية الصحية والبنك. هكذا تحصل عليها.",
            "steps": [
                (
                    "step",
                    "احصل على BankID من بنكك",
                    "تحتاج إلى حساب في بنك في السويد ورقم شخصي سويدي وهاتف محمول أو حاسوب.",
                    "bankid",
                ),
                (
                    "andor",
                    "احصل على Freja eID",
                    "يعمل Freja من دون بنك. تُظهر وثيقة هويتك في التطبيق أو عند وكيل.",
                    "freja",
                ),
                (
                    "optional",
                    "احصل على المساعدة في المكتبة",
                    "يجد كثيرون ذلك صعبًا في المرة الأولى. تقدّم المكتبات مساعدة بلا موعد لتثبيت BankID واستخدامه.",
                    None,
                ),
            ],
        },
    },
    {
        "slug": "digital-brevlada",
        "life_event": "digital-post",
        "topics": ["digital-brevlada"],
        "sv": {
            "title": "Skaffa digital brevlåda",
            "summary": "Få brev från myndigheter direkt i mobilen i stället för på papper.",
            "steps": [
                (
                    "step",
                    "Välj en digital brevlåda",
                    "Du kan välja Min myndighetspost, Kivra eller Billo. Du behöver vara 18 år och ha e-legitimation.",
                    "minmyndighetspost",
                ),
                (
                    "andor",
                    "Eller välj Kivra",
                    "Kivra tar emot post både från myndigheter och från företag.",
                    "kivra",
                ),
                (
                    "optional",
                    "Slå på aviseringar",
                    "Då får du ett sms eller e-post när ett nytt brev kommer.",
                    None,
                ),
            ],
        },
        "en": {
            "title": "Get a digital mailbox",
            "summary": "Get letters from authorities on your phone instead of on paper.",
            "steps": [
                (
                    "step",
                    "Choose a digital mailbox",
                    "You can choose Min myndighetspost, Kivra or Billo. You must be 18 and have an e-ID.",
                    "minmyndighetspost",
                ),
                (
                    "andor",
                    "Or choose Kivra",
                    "Kivra receives post both from authorities and from companies.",
                    "kivra",
                ),
                (
                    "optional",
                    "Turn on notifications",
                    "Then you get a text or an email when a new letter arrives.",
                    None,
                ),
            ],
        },
    },
    {
        "slug": "vard-1177",
        "life_event": "vard",
        "topics": ["1177"],
        "sv": {
            "title": "Vården på nätet – 1177",
            "summary": "Boka tid, förnya recept och läs din journal på 1177. Ring 1177 om du behöver råd.",
            "steps": [
                ("step", "Logga in på 1177", "Du loggar in med BankID eller Freja eID.", "1177"),
                (
                    "step",
                    "Boka, av- eller omboka tid",
                    "Under Inkorg och Bokade tider ser du dina tider.",
                    "1177",
                ),
                (
                    "optional",
                    "Läs din journal",
                    "I Journalen ser du anteckningar, provsvar och diagnoser.",
                    "1177",
                ),
            ],
        },
        "en": {
            "title": "Healthcare online – 1177",
            "summary": "Book appointments, renew prescriptions and read your records at 1177. Call 1177 if you need advice.",
            "steps": [
                ("step", "Log in to 1177", "You log in with BankID or Freja eID.", "1177"),
                (
                    "step",
                    "Book, cancel or change an appointment",
                    "Your appointments are under Inbox and Booked appointments.",
                    "1177",
                ),
                (
                    "optional",
                    "Read your records",
                    "In the Journal you see notes, test results and diagnoses.",
                    "1177",
                ),
            ],
        },
        "ar": {
            "title": "الرعاية الصحية عبر الإنترنت – 1177",
            "summary": "احجز موعدًا وجدّد الوصفات الطبية واقرأ سجلك الطبي على 1177. اتصل بالرقم 1177 إذا احتجت إلى نصيحة.",
            "steps": [
                ("step", "سجّل الدخول إلى 1177", "تسجّل الدخول باستخدام BankID أو Freja eID.", "1177"),
                (
                    "step",
                    "احجز موعدًا أو ألغِه أو غيّره",
                    "تجد مواعيدك تحت صندوق الوارد والمواعيد المحجوزة.",
                    "1177",
                ),
                ("optional", "اقرأ سجلك الطبي", "في السجل ترى الملاحظات ونتائج التحاليل والتشخيصات.", "1177"),
            ],
        },
    },
    {
        "slug": "hjalpa-anhorig",
        "life_event": "anhorig",
        "topics": ["e-tjanster", "1177"],
        "sv": {
            "title": "Hjälpa en anhörig",
            "summary": "Så kan du hjälpa en förälder eller annan närstående med vård, hemtjänst och e-tjänster.",
            "steps": [
                (
                    "step",
                    "Ansök om hemtjänst hos kommunen",
                    "Den som behöver hjälp ansöker själv eller med din hjälp.",
                    "hemtjanst",
                ),
                (
                    "step",
                    "Bli ombud på 1177",
                    "Med ombudsbehörighet kan du sköta ärenden åt någon annan.",
                    "1177",
                ),
                (
                    "optional",
                    "Ta med din anhörige till biblioteket",
                    "Där kan ni få hjälp att komma i gång med BankID och 1177 tillsammans.",
                    None,
                ),
            ],
        },
        "en": {
            "title": "Helping a relative",
            "summary": "How you can help a parent or another relative with healthcare, home help and e-services.",
            "steps": [
                (
                    "step",
                    "Apply for home help from the municipality",
                    "The person who needs help applies, alone or with your help.",
                    "hemtjanst",
                ),
                (
                    "step",
                    "Become an agent at 1177",
                    "With agent rights you can handle matters for someone else.",
                    "1177",
                ),
                (
                    "optional",
                    "Bring your relative to the library",
                    "There you can get help together to start using BankID and 1177.",
                    None,
                ),
            ],
        },
    },
]
