"""Texts for the regional broadband guides (Swedish source, English translation).

Facts come from home/demo/vastmanland.yaml; the wording is ours. Each guide is a list of
StreamField blocks in the shape of home.blocks.ContentStreamBlock.
"""

GUIDES = [
    {
        "slug": "fa-fiber",
        "topics": ["fiber"],
        "sv": {
            "title": "Så får du fiber",
            "summary": "Steg för steg: ta reda på om fiber finns nära dig, vem som bygger och vad det kostar.",
            "body": [
                (
                    "text",
                    "<p>Med fiber får du ett snabbt och stabilt internet som räcker för tv, videosamtal och arbete hemifrån. I Västmanland kan nästan alla i tätorterna redan få fiber. På landsbygden byggs det fortfarande, ofta av en fiberförening eller med bredbandsstöd.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Så går det till",
                        "steps": [
                            {
                                "title": "Kolla vad som finns på din adress",
                                "text": "Titta på din kommuns sida om bredband här på webbplatsen, eller fråga nätägaren i din kommun.",
                            },
                            {
                                "title": "Ta reda på vem som bygger",
                                "text": "Det kan vara kommunens stadsnät, ett företag eller en fiberförening. Se listan över nätägare för din kommun.",
                            },
                            {
                                "title": "Jämför pris och villkor",
                                "text": "Anslutningen betalar du en gång. Sedan betalar du varje månad för själva internet-abonnemanget.",
                            },
                            {
                                "title": "Teckna avtal och boka grävning",
                                "text": "Nätägaren berättar när de gräver och vad du behöver göra på din tomt.",
                            },
                            {
                                "title": "Välj tjänst",
                                "text": "När fibern är ansluten väljer du internet, tv och telefoni från en tjänsteleverantör i nätet.",
                            },
                        ],
                    },
                ),
                (
                    "faq",
                    {
                        "heading": "Vanliga frågor",
                        "items": [
                            {
                                "question": "Vad kostar det att ansluta ett hus?",
                                "answer": "Det varierar mycket. I Surahammar har IP-Only erbjudit hela kommunen utanför tätorten anslutning till ett fast pris på 19 900 kronor. Fråga nätägaren där du bor.",
                            },
                            {
                                "question": "Måste jag ha fiber?",
                                "answer": "Nej. Men koppartelefonnätet läggs ned, och fiber är det säkraste sättet att få ett stabilt internet i framtiden.",
                            },
                        ],
                    },
                ),
                (
                    "contact",
                    {
                        "name": "Regionens bredbandskoordinator",
                        "phone": "",
                        "email": "",
                        "url": "",
                        "hours": "Kontaktuppgifter finns på Region Västmanlands webbplats",
                    },
                ),
            ],
        },
        "en": {
            "title": "How to get fibre",
            "summary": "Step by step: find out whether fibre is near you, who builds it and what it costs.",
            "body": [
                (
                    "text",
                    "<p>Fibre gives you fast and stable internet for TV, video calls and working from home. In Västmanland almost everyone in the towns can already get fibre. In the countryside it is still being built, often by a fibre association or with a broadband subsidy.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "How it works",
                        "steps": [
                            {
                                "title": "Check what is available at your address",
                                "text": "See your municipality's broadband page on this site, or ask the network owner in your municipality.",
                            },
                            {
                                "title": "Find out who builds",
                                "text": "It can be the municipal city network, a company or a fibre association.",
                            },
                            {
                                "title": "Compare price and terms",
                                "text": "You pay once for the connection, and then every month for the internet subscription.",
                            },
                            {
                                "title": "Sign the contract and book the digging",
                                "text": "The network owner tells you when they dig and what you need to do on your land.",
                            },
                            {
                                "title": "Choose a service",
                                "text": "Once connected, you choose internet, TV and phone from a service provider in the network.",
                            },
                        ],
                    },
                ),
                (
                    "faq",
                    {
                        "heading": "Common questions",
                        "items": [
                            {
                                "question": "What does it cost to connect a house?",
                                "answer": "It varies a lot. In Surahammar, IP-Only has offered the whole municipality outside the main town a connection at a flat price of 19,900 SEK. Ask the network owner where you live.",
                            },
                            {
                                "question": "Do I have to get fibre?",
                                "answer": "No. But the old copper telephone network is being shut down, and fibre is the surest way to stable internet in the future.",
                            },
                        ],
                    },
                ),
                (
                    "contact",
                    {
                        "name": "The region's broadband coordinator",
                        "phone": "",
                        "email": "",
                        "url": "",
                        "hours": "Contact details are on Region Västmanland's website",
                    },
                ),
            ],
        },
    },
    {
        "slug": "fiberforening",
        "topics": ["fiber"],
        "sv": {
            "title": "Fiberförening – bygg fiber tillsammans",
            "summary": "Där ingen företag bygger kan grannarna gå ihop i en fiberförening och bygga själva.",
            "body": [
                (
                    "text",
                    "<p>En fiberförening är en ekonomisk förening där byns hushåll äger fibernätet tillsammans. Medlemmarna betalar en insats, ofta gör de en del av grävarbetet själva, och föreningen kan söka bredbandsstöd. I Västmanland finns till exempel Himmeta-Bro byalag i Köping och Bastmora fiber i Skinnskatteberg och Fagersta.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Så startar ni en förening",
                        "steps": [
                            {
                                "title": "Samla grannarna",
                                "text": "Bjud in till ett möte och ta reda på hur många som vill ansluta sig.",
                            },
                            {
                                "title": "Prata med kommunens bredbandskontakt",
                                "text": "Kommunen vet om någon annan redan planerar att bygga i området.",
                            },
                            {
                                "title": "Bilda föreningen",
                                "text": "Anta stadgar, välj styrelse och registrera föreningen hos Bolagsverket.",
                            },
                            {
                                "title": "Sök stöd och upphandla",
                                "text": "Föreningen kan söka bredbandsstöd och handlar upp entreprenör och kommunikationsoperatör.",
                            },
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "Fibre associations – building fibre together",
            "summary": "Where no company builds, neighbours can join in a fibre association and build it themselves.",
            "body": [
                (
                    "text",
                    "<p>A fibre association is an economic association in which the village's households own the fibre network together. Members pay a share, often do part of the digging themselves, and the association can apply for a broadband subsidy. In Västmanland, examples are Himmeta-Bro byalag in Köping and Bastmora fiber in Skinnskatteberg and Fagersta.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "How to start an association",
                        "steps": [
                            {
                                "title": "Gather your neighbours",
                                "text": "Invite people to a meeting and find out how many want to join.",
                            },
                            {
                                "title": "Talk to the municipality's broadband contact",
                                "text": "The municipality knows whether someone else already plans to build in the area.",
                            },
                            {
                                "title": "Form the association",
                                "text": "Adopt statutes, elect a board and register with the Swedish Companies Registration Office.",
                            },
                            {
                                "title": "Apply for support and procure",
                                "text": "The association can apply for a broadband subsidy and procures a contractor and an operator.",
                            },
                        ],
                    },
                ),
            ],
        },
    },
    {
        "slug": "bredbandsstod",
        "topics": ["fiber"],
        "sv": {
            "title": "Bredbandsstöd",
            "summary": "Staten ger stöd till fiberutbyggnad där det inte lönar sig att bygga på marknadens villkor.",
            "body": [
                (
                    "text",
                    "<p>Bredbandsstödet fördelas av Post- och telestyrelsen (PTS). För åren 2020–2025 fanns sammanlagt 2,85 miljarder kronor. År 2023 fick 314 projekt omkring 1,22 miljarder kronor för att nå 16 085 byggnader. I Sala fick Open Infra stöd 2023 för att ansluta mer än 800 fastigheter på landsbygden.</p><p>Stödet söks av den som bygger – ett företag eller en fiberförening – inte av det enskilda hushållet.</p>",
                ),
                (
                    "faq",
                    {
                        "heading": "Vanliga frågor",
                        "items": [
                            {
                                "question": "Kan jag som privatperson söka stödet?",
                                "answer": "Nej, stödet söks av den som bygger nätet. Men du kan gå med i en fiberförening eller anmäla intresse hos den som bygger i ditt område.",
                            },
                            {
                                "question": "Vem kan svara på frågor om stödet i Västmanland?",
                                "answer": "Regionens bredbandskoordinator. Bredbandskoordinatorer har haft ett regeringsuppdrag sedan 2017.",
                            },
                        ],
                    },
                ),
                (
                    "cta",
                    {
                        "text": "Läs om bredbandsstödet hos PTS",
                        "url": "https://www.pts.se/",
                        "note": "Extern webbplats",
                    },
                ),
            ],
        },
        "en": {
            "title": "Broadband subsidy",
            "summary": "The state supports fibre where building it does not pay on market terms.",
            "body": [
                (
                    "text",
                    "<p>The broadband subsidy is distributed by the Swedish Post and Telecom Authority (PTS). For 2020–2025 a total of 2.85 billion SEK was available. In 2023, 314 projects received about 1.22 billion SEK to reach 16,085 buildings. In Sala, Open Infra received support in 2023 to connect more than 800 rural properties.</p><p>The subsidy is applied for by whoever builds – a company or a fibre association – not by individual households.</p>",
                ),
                (
                    "faq",
                    {
                        "heading": "Common questions",
                        "items": [
                            {
                                "question": "Can I apply as a private person?",
                                "answer": "No, the builder applies. But you can join a fibre association or register interest with whoever builds in your area.",
                            },
                            {
                                "question": "Who answers questions about the subsidy in Västmanland?",
                                "answer": "The region's broadband coordinator. Broadband coordinators have had a government assignment since 2017.",
                            },
                        ],
                    },
                ),
                (
                    "cta",
                    {
                        "text": "Read about the subsidy at PTS",
                        "url": "https://www.pts.se/",
                        "note": "External website",
                    },
                ),
            ],
        },
    },
    {
        "slug": "hastigheter",
        "topics": ["fiber"],
        "sv": {
            "title": "Vad betyder hastigheterna?",
            "summary": "Mbit/s och Gbit/s förklarat: hur mycket internet behöver ett hushåll?",
            "body": [
                (
                    "text",
                    "<p>Hastigheten anges i megabit per sekund (Mbit/s). 1 Gbit/s är 1 000 Mbit/s. Ju fler i hushållet som använder internet samtidigt, desto mer behövs.</p><ul><li>E-post, nyheter och 1177: några Mbit/s räcker.</li><li>Videosamtal och tv i hög kvalitet: minst 25 Mbit/s per skärm.</li><li>Flera som arbetar hemifrån samtidigt: 100 Mbit/s eller mer.</li></ul><p>Sveriges mål var att 98 procent av hushåll och företag skulle ha tillgång till minst 1 Gbit/s år 2025. ”Tillgång” betyder att fibern finns i huset eller alldeles i närheten.</p>",
                ),
            ],
        },
        "en": {
            "title": "What do the speeds mean?",
            "summary": "Mbit/s and Gbit/s explained: how much internet does a household need?",
            "body": [
                (
                    "text",
                    '<p>Speed is given in megabits per second (Mbit/s). 1 Gbit/s is 1,000 Mbit/s. The more people in a household use the internet at the same time, the more you need.</p><ul><li>Email, news and 1177: a few Mbit/s is enough.</li><li>Video calls and high-quality TV: at least 25 Mbit/s per screen.</li><li>Several people working from home at once: 100 Mbit/s or more.</li></ul><p>Sweden\'s goal was that 98 per cent of households and businesses should have access to at least 1 Gbit/s by 2025. "Access" means fibre in the building or close by.</p>',
                ),
            ],
        },
    },
    {
        "slug": "mobiltackning",
        "topics": ["mobiltackning"],
        "sv": {
            "title": "Dålig mobiltäckning – vad kan du göra?",
            "summary": "Samtal som bryts eller långsam mobildata? Så tar du reda på orsaken och rapporterar problemet.",
            "body": [
                (
                    "steps",
                    {
                        "heading": "Gör så här",
                        "steps": [
                            {
                                "title": "Kontrollera din telefon och ditt abonnemang",
                                "text": "Starta om telefonen och kontrollera att den är uppdaterad. Fråga din operatör om störningar.",
                            },
                            {
                                "title": "Jämför operatörernas täckningskartor",
                                "text": "Täckningen skiljer sig mellan operatörer. Ett byte kan hjälpa.",
                            },
                            {
                                "title": "Rapportera problemet",
                                "text": "Berätta för oss var och när täckningen är dålig. Regionen samlar rapporterna och tar upp dem med operatörerna och PTS.",
                            },
                        ],
                    },
                ),
                (
                    "text",
                    "<p>Målet för 2023 var stabila mobiltjänster av god kvalitet där människor normalt befinner sig. Omkring 95 procent av ytan nådde målet, så det finns fortfarande platser med dålig täckning.</p>",
                ),
            ],
        },
        "en": {
            "title": "Poor mobile coverage – what can you do?",
            "summary": "Dropped calls or slow mobile data? How to find the cause and report the problem.",
            "body": [
                (
                    "steps",
                    {
                        "heading": "Do this",
                        "steps": [
                            {
                                "title": "Check your phone and subscription",
                                "text": "Restart the phone and check it is up to date. Ask your operator about disruptions.",
                            },
                            {
                                "title": "Compare the operators' coverage maps",
                                "text": "Coverage differs between operators. Switching can help.",
                            },
                            {
                                "title": "Report the problem",
                                "text": "Tell us where and when coverage is poor. The region collects the reports and raises them with the operators and PTS.",
                            },
                        ],
                    },
                ),
                (
                    "text",
                    "<p>The 2023 goal was stable, good-quality mobile services where people normally are. About 95 per cent of the area met it, so there are still places with poor coverage.</p>",
                ),
            ],
        },
    },
    {
        "slug": "valja-leverantor",
        "topics": ["fiber"],
        "sv": {
            "title": "Välj internetleverantör",
            "summary": "I ett öppet fibernät kan du välja mellan flera leverantörer. Så jämför du.",
            "body": [
                (
                    "text",
                    "<p>Den som äger fibernätet (nätägaren) är ofta inte samma företag som säljer internet till dig (tjänsteleverantören). I ett öppet stadsnät, som Fibra i Västerås och Hallstahammar, väljer du själv bland flera leverantörer.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Att tänka på",
                        "steps": [
                            {
                                "title": "Välj hastighet efter behov",
                                "text": "Betala inte för mer än du behöver. 100 Mbit/s räcker för de flesta hushåll.",
                            },
                            {
                                "title": "Titta på bindningstid och uppsägning",
                                "text": "Korta bindningstider gör det lättare att byta.",
                            },
                            {
                                "title": "Fråga om hjälp vid installationen",
                                "text": "Vissa leverantörer hjälper dig att koppla in routern.",
                            },
                        ],
                    },
                ),
            ],
        },
        "en": {
            "title": "Choosing an internet provider",
            "summary": "In an open fibre network you can choose between several providers. How to compare.",
            "body": [
                (
                    "text",
                    "<p>The company that owns the fibre network (the network owner) is often not the one that sells you internet (the service provider). In an open city network, such as Fibra in Västerås and Hallstahammar, you choose among several providers.</p>",
                ),
                (
                    "steps",
                    {
                        "heading": "Things to consider",
                        "steps": [
                            {
                                "title": "Choose speed by need",
                                "text": "Don't pay for more than you need. 100 Mbit/s is enough for most households.",
                            },
                            {
                                "title": "Check the contract period",
                                "text": "Short contract periods make it easier to switch.",
                            },
                            {
                                "title": "Ask about help with installation",
                                "text": "Some providers help you connect the router.",
                            },
                        ],
                    },
                ),
            ],
        },
    },
]


REPORT_PAGE = {
    "slug": "rapportera-dalig-tackning",
    "sv": {
        "title": "Rapportera dålig mobiltäckning",
        "summary": "Berätta var och när mobilen inte fungerar, så tar regionen upp det med operatörerna och PTS.",
        "intro": "<p>Fyll i var och när du har dålig täckning. Det tar ett par minuter. Fält som är frivilliga står det vid.</p>",
        "privacy_notice": "<p><strong>Om dina uppgifter:</strong> vi sparar det du skriver här, men inte vem du är eller varifrån du skickar. Kontaktuppgifter är frivilliga och används bara för att fråga om din rapport. Rapporterna sparas i två år.</p>",
        "receipt": "<h3>Det här händer nu</h3><ul><li>Din kommun och regionens bredbandskoordinator ser rapporten.</li><li>Rapporterna samlas och tas upp med mobiloperatörerna och Post- och telestyrelsen (PTS).</li><li>Har du lämnat kontaktuppgifter kan vi höra av oss med frågor. Du får inget automatiskt svar.</li></ul>",
    },
    "en": {
        "title": "Report poor mobile coverage",
        "summary": "Tell us where and when your phone does not work, and the region raises it with the operators and PTS.",
        "intro": "<p>Fill in where and when coverage is poor. It takes a couple of minutes.</p>",
        "privacy_notice": "<p><strong>About your data:</strong> we store what you write here, but not who you are or where you send it from. Contact details are optional and only used to ask about your report. Reports are kept for two years.</p>",
        "receipt": "<h3>What happens now</h3><ul><li>Your municipality and the region's broadband coordinator see the report.</li><li>Reports are collected and raised with the mobile operators and the Swedish Post and Telecom Authority (PTS).</li><li>If you left contact details we may get in touch with questions.</li></ul>",
    },
}

# Areas where fibre is being built, from the facts file; years not given there are left out.
EXPANSIONS = {
    "Sala": [("Landsbygden i Sala, mer än 800 fastigheter (PTS-stöd 2023)", "Open Infra", None, "building")],
    "Köping": [("Himmeta-Bro", "Himmeta-Bro byalag", 2018, "done")],
    "Surahammar": [("Hela kommunen utanför tätorten", "IP-Only", None, "building")],
}
