"""Fill the English and Arabic UI translations into the .po files and compile them.

    .venv/bin/python tools/ui_translations.py   (run by `make messages` after makemessages)

Swedish is the source language, so the msgids are Swedish. Only what residents see is translated
here; the admin stays Swedish (its labels fall back to the msgid). Standard library only.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# msgid: (English, Arabic). Plural entries: msgid: ((en singular, en plural), (ar, ...)).
T = {
    "En väg in": ("One way in", "طريق واحد"),
    "Hoppa till innehållet": ("Skip to content", "انتقل إلى المحتوى"),
    "Bredband, digital hjälp och e-tjänster": (
        "Broadband, digital help and e-services",
        "الإنترنت والمساعدة الرقمية والخدمات الإلكترونية",
    ),
    "Språk": ("Language", "اللغة"),
    "Huvudmeny": ("Main menu", "القائمة الرئيسية"),
    "Sök": ("Search", "بحث"),
    "Senast granskad": ("Last reviewed", "آخر مراجعة"),
    "Om webbplatsen": ("About the website", "عن الموقع"),
    "Vi använder inga kakor och ingen spårning.": (
        "We use no cookies and no tracking.",
        "لا نستخدم ملفات تعريف الارتباط ولا التتبع.",
    ),
    "Kontakt": ("Contact", "اتصل بنا"),
    "Telefon": ("Phone", "الهاتف"),
    "E-post": ("Email", "البريد الإلكتروني"),
    "I %(name)s": ("In %(name)s", "في %(name)s"),
    "I din kommun": ("In your municipality", "في بلديتك"),
    "År %(year)s kunde %(share)s %% av hushållen få minst 1 Gbit/s.": (
        "In %(year)s, %(share)s %% of households could get at least 1 Gbit/s.",
        "في عام %(year)s كان بإمكان %(share)s %% من الأسر الحصول على 1 جيجابت/ث على الأقل.",
    ),
    "Bygger och säljer fiber här": ("Builds and sells fibre here", "يبني ويبيع الألياف هنا"),
    "Allt om bredband i %(name)s": ("All about broadband in %(name)s", "كل شيء عن الإنترنت في %(name)s"),
    "Välj kommun så visar vi vem du kontaktar och vilka som bygger fiber där du bor.": (
        "Choose your municipality and we show whom to contact and who builds fibre where you live.",
        "اختر بلديتك لنريك بمن تتصل ومن يبني الألياف حيث تسكن.",
    ),
    "Guider": ("Guides", "أدلة"),
    "Bredband i din kommun": ("Broadband in your municipality", "الإنترنت في بلديتك"),
    "Hur många kan få snabbt bredband?": (
        "How many can get fast broadband?",
        "كم عدد من يمكنهم الحصول على إنترنت سريع؟",
    ),
    "Andel med tillgång till snabbt bredband i %(name)s": (
        "Share with access to fast broadband in %(name)s",
        "نسبة من لديهم إنترنت سريع في %(name)s",
    ),
    "Tillgång betyder att fibern finns i huset eller alldeles i närheten. Målet för hela Sverige är att 98 procent ska ha tillgång till minst 1 Gbit/s år 2025.": (
        "Access means fibre in the building or close by. Sweden's goal is that 98 per cent have access to at least 1 Gbit/s by 2025.",
        "يعني التوفر وجود الألياف في المبنى أو بالقرب منه. هدف السويد أن يحصل 98 بالمئة على 1 جيجابت/ث على الأقل بحلول عام 2025.",
    ),
    "Det finns inga siffror för kommunen än.": (
        "There are no figures for the municipality yet.",
        "لا توجد أرقام للبلدية بعد.",
    ),
    "Vem bygger och säljer fiber här?": ("Who builds and sells fibre here?", "من يبني ويبيع الألياف هنا؟"),
    "Inga nätägare är inlagda för kommunen.": (
        "No network owners are listed for the municipality.",
        "لا يوجد مالكو شبكات مسجلون للبلدية.",
    ),
    "Vem kontaktar jag?": ("Whom do I contact?", "بمن أتصل؟"),
    "Vad behöver du hjälp med?": ("What do you need help with?", "بماذا تحتاج المساعدة؟"),
    "Till exempel: fiber, BankID, flytta, bibliotek %(name)s": (
        "For example: fibre, BankID, moving, library %(name)s",
        "مثلًا: ألياف، BankID، انتقال، مكتبة %(name)s",
    ),
    "Till exempel: fiber, BankID, flytta, e-tjänster": (
        "For example: fibre, BankID, moving, e-services",
        "مثلًا: ألياف، BankID، انتقال، الخدمات الإلكترونية",
    ),
    "Vanliga ärenden": ("Common tasks", "المهام الشائعة"),
    "Välj din kommun": ("Choose your municipality", "اختر بلديتك"),
    "Nästa tillfällen med digital hjälp": ("Next digital-help sessions", "جلسات المساعدة الرقمية القادمة"),
    "Inga tillfällen är inlagda just nu.": (
        "No sessions are listed right now.",
        "لا توجد جلسات مسجلة حاليًا.",
    ),
    "Senast uppdaterat": ("Recently updated", "آخر التحديثات"),
    "Bredband": ("Broadband", "الإنترنت السريع"),
    "Läs mer om bredband i %(name)s": (
        "Read more about broadband in %(name)s",
        "اقرأ المزيد عن الإنترنت في %(name)s",
    ),
    "Det finns ingen sida om bredband för kommunen än.": (
        "There is no broadband page for the municipality yet.",
        "لا توجد صفحة عن الإنترنت للبلدية بعد.",
    ),
    "Bibliotek med digital hjälp": ("Libraries with digital help", "مكتبات تقدم المساعدة الرقمية"),
    "Inga bibliotek är inlagda.": ("No libraries are listed.", "لا توجد مكتبات مسجلة."),
    "Nästa tillfällen": ("Next sessions", "الجلسات القادمة"),
    "E-tjänster i %(name)s": ("E-services in %(name)s", "الخدمات الإلكترونية في %(name)s"),
    "Kontakta kommunen": ("Contact the municipality", "تواصل مع البلدية"),
    "%(name)s kommuns webbplats": ("%(name)s municipality's website", "موقع بلدية %(name)s"),
    "Du är här": ("You are here", "أنت هنا"),
    "År": ("Year", "السنة"),
    "Hushåll, minst 1 Gbit/s": ("Households, at least 1 Gbit/s", "الأسر، 1 جيجابت/ث على الأقل"),
    "Hushåll, minst 100 Mbit/s": ("Households, at least 100 Mbit/s", "الأسر، 100 ميجابت/ث على الأقل"),
    "Arbetsställen, minst 1 Gbit/s": ("Workplaces, at least 1 Gbit/s", "أماكن العمل، 1 جيجابت/ث على الأقل"),
    "Källa": ("Source", "المصدر"),
    "exempelvärde": ("example value", "قيمة مثال"),
    "Din kommun": ("Your municipality", "بلديتك"),
    "Välj kommun": ("Choose municipality", "اختر البلدية"),
    "Visa": ("Show", "عرض"),
    "Inställt": ("Cancelled", "ملغاة"),
    "Plats": ("Place", "المكان"),
    "Ämnen": ("Topics", "المواضيع"),
    "Bokning": ("Booking", "الحجز"),
    "Bokas i förväg, %(seats)s plats": (
        ("Book in advance, %(seats)s seat", "Book in advance, %(seats)s seats"),
        "يُحجز مسبقًا، %(seats)s مقاعد",
    ),
    "Drop-in, kom när du vill": ("Drop-in, come when you like", "بلا موعد، تعال متى شئت"),
    "Sidor": ("Pages", "الصفحات"),
    "Föregående": ("Previous", "السابق"),
    "Sida %(number)s av %(total)s": ("Page %(number)s of %(total)s", "الصفحة %(number)s من %(total)s"),
    "Nästa": ("Next", "التالي"),
    "Vad letar du efter?": ("What are you looking for?", "عمّ تبحث؟"),
    "Sökningen fungerar just nu i ett enklare läge. Träffarna kan vara färre än vanligt.": (
        "Search is working in a simpler mode right now. There may be fewer results than usual.",
        "يعمل البحث حاليًا بوضع مبسّط. قد تكون النتائج أقل من المعتاد.",
    ),
    "%(counter)s träff för ”%(q)s”": (
        ("%(counter)s result for “%(q)s”", "%(counter)s results for “%(q)s”"),
        "%(counter)s نتيجة لـ ”%(q)s“",
    ),
    "Vi hittade inget som passar.": ("We found nothing that matches.", "لم نجد ما يطابق بحثك."),
    "Kontrollera stavningen.": ("Check the spelling.", "تحقق من الإملاء."),
    "Prova färre eller andra ord, till exempel ”fiber” i stället för ”fiberanslutning till villa”.": (
        "Try fewer or other words, for example “fibre” instead of “fibre connection for a house”.",
        "جرّب كلمات أقل أو مختلفة، مثل ”ألياف“ بدلًا من ”توصيل الألياف إلى منزل“.",
    ),
    "Ring oss om du inte hittar det du behöver.": (
        "Call us if you cannot find what you need.",
        "اتصل بنا إذا لم تجد ما تحتاجه.",
    ),
    "Visa bara": ("Show only", "اعرض فقط"),
    "Kommun": ("Municipality", "البلدية"),
    "Alla kommuner": ("All municipalities", "كل البلديات"),
    "Ämne": ("Topic", "الموضوع"),
    "Alla ämnen": ("All topics", "كل المواضيع"),
    "Alla språk": ("All languages", "كل اللغات"),
    "För vem": ("For whom", "لمن"),
    "Alla": ("Everyone", "الجميع"),
    "Seniorer": ("Seniors", "كبار السن"),
    "Nyanlända": ("Newcomers", "القادمون الجدد"),
    "Drop-in eller bokning": ("Drop-in or booking", "بلا موعد أو بحجز"),
    "Båda": ("Both", "كلاهما"),
    "Drop-in": ("Drop-in", "بلا موعد"),
    "Med bokning": ("With booking", "بحجز"),
    "Från och med": ("From", "من"),
    "Till och med": ("Until", "حتى"),
    "Slutdatumet är före startdatumet och användes inte.": (
        "The end date is before the start date and was not used.",
        "تاريخ الانتهاء قبل تاريخ البدء ولم يُستخدم.",
    ),
    "Visa tillfällen": ("Show sessions", "اعرض الجلسات"),
    "Rensa val": ("Clear choices", "امسح الاختيارات"),
    "%(counter)s tillfälle": (("%(counter)s session", "%(counter)s sessions"), "%(counter)s جلسة"),
    "Inga tillfällen passar dina val. Prova att ta bort något val eller välj en annan kommun.": (
        "No sessions match your choices. Try removing a choice or choosing another municipality.",
        "لا توجد جلسات تطابق اختياراتك. جرّب إزالة اختيار أو اختيار بلدية أخرى.",
    ),
    "Exempel: det här tillfället är påhittat för demon.": (
        "Example: this session is made up for the demo.",
        "مثال: هذه الجلسة مختلقة للعرض التجريبي.",
    ),
    "Var": ("Where", "أين"),
    "När": ("When", "متى"),
    "Kommande datum": ("Coming dates", "المواعيد القادمة"),
    "Inga kommande datum.": ("No coming dates.", "لا توجد مواعيد قادمة."),
    "Exempel: öppettider och kontaktuppgifter på den här sidan är påhittade för demon. Kontrollera dem hos biblioteket.": (
        "Example: opening hours and contact details on this page are made up for the demo. Check them with the library.",
        "مثال: مواعيد العمل وبيانات الاتصال في هذه الصفحة مختلقة للعرض التجريبي. تحقق منها لدى المكتبة.",
    ),
    "Utrustning att låna eller använda": ("Equipment to borrow or use", "أجهزة للاستعارة أو الاستخدام"),
    "Om biblioteket": ("About the library", "عن المكتبة"),
    "Tillgänglighet": ("Accessibility", "إمكانية الوصول"),
    "Besök och kontakt": ("Visit and contact", "الزيارة والتواصل"),
    "Öppettider": ("Opening hours", "مواعيد العمل"),
    "Mer om %(name)s": ("More about %(name)s", "المزيد عن %(name)s"),
    "Länkarna gäller %(name)s.": ("The links are for %(name)s.", "الروابط خاصة بـ %(name)s."),
    "Välj kommun så leder länkarna till din kommuns e-tjänster.": (
        "Choose your municipality and the links lead to its e-services.",
        "اختر بلديتك لتقودك الروابط إلى خدماتها الإلكترونية.",
    ),
    "Steg för steg": ("Step by step", "خطوة بخطوة"),
    "och/eller": ("and/or", "و/أو"),
    "Valfritt": ("Optional", "اختياري"),
    "kräver e-legitimation": ("requires an e-ID", "يتطلب هوية إلكترونية"),
    "”%(name)s” är en e-tjänst som varje kommun har. Välj din kommun ovan för att få rätt länk.": (
        "“%(name)s” is an e-service each municipality has. Choose your municipality above to get the right link.",
        "”%(name)s“ خدمة إلكترونية لكل بلدية. اختر بلديتك أعلاه للحصول على الرابط الصحيح.",
    ),
    "Planerad utbyggnad": ("Planned expansion", "التوسعة المخطط لها"),
    "Område": ("Area", "المنطقة"),
    "Planerad": ("Planned", "مخطط لها"),
    "Byggs": ("Being built", "قيد البناء"),
    "Klar": ("Done", "مكتملة"),
    "Annan": ("Other", "أخرى"),
    "Vet inte": ("Don't know", "لا أعرف"),
    "Ingen täckning alls": ("No coverage at all", "لا توجد تغطية إطلاقًا"),
    "Samtal bryts": ("Calls drop", "تنقطع المكالمات"),
    "Långsam mobildata": ("Slow mobile data", "بيانات الجوال بطيئة"),
    "Adress, by eller vägsträcka, till exempel: Storgatan 12 eller vid kyrkan i byn.": (
        "Address, village or stretch of road, for example: Storgatan 12 or by the church in the village.",
        "العنوان أو القرية أو جزء من الطريق، مثلًا: Storgatan 12 أو عند الكنيسة في القرية.",
    ),
    "Latitud (om du vet den)": ("Latitude (if you know it)", "خط العرض (إن كنت تعرفه)"),
    "Till exempel 59,8. Kan lämnas tom.": (
        "For example 59.8. May be left empty.",
        "مثلًا 59,8. يمكن تركه فارغًا.",
    ),
    "Longitud (om du vet den)": ("Longitude (if you know it)", "خط الطول (إن كنت تعرفه)"),
    "Till exempel 16,5. Kan lämnas tom.": (
        "For example 16.5. May be left empty.",
        "مثلًا 16,5. يمكن تركه فارغًا.",
    ),
    "Din mobiloperatör": ("Your mobile operator", "مشغل هاتفك المحمول"),
    "Vad är problemet?": ("What is the problem?", "ما المشكلة؟"),
    "När hände det?": ("When did it happen?", "متى حدث ذلك؟"),
    "Ungefärligt datum, till exempel 2026-11-20.": (
        "Approximate date, for example 2026-11-20.",
        "تاريخ تقريبي، مثلًا 2026-11-20.",
    ),
    "Berätta mer (frivilligt)": ("Tell us more (optional)", "أخبرنا المزيد (اختياري)"),
    "E-post eller telefon (frivilligt)": (
        "Email or phone (optional)",
        "البريد الإلكتروني أو الهاتف (اختياري)",
    ),
    "Bara om du vill att vi hör av oss.": (
        "Only if you want us to get in touch.",
        "فقط إذا أردت أن نتواصل معك.",
    ),
    "Lämna tomt": ("Leave empty", "اتركه فارغًا"),
    "Välj operatör": ("Choose operator", "اختر المشغل"),
    "Datumet kan inte vara i framtiden.": (
        "The date cannot be in the future.",
        "لا يمكن أن يكون التاريخ في المستقبل.",
    ),
    "Rapportera problem från de senaste två åren.": (
        "Report problems from the last two years.",
        "أبلغ عن مشكلات السنتين الأخيرتين.",
    ),
    "Fyll i både latitud och longitud, eller ingen av dem.": (
        "Fill in both latitude and longitude, or neither.",
        "املأ خط العرض وخط الطول معًا أو اتركهما فارغين.",
    ),
    "Kommunerna jämförda": ("The municipalities compared", "مقارنة البلديات"),
    "Andel hushåll med tillgång till minst 1 Gbit/s, senaste år per kommun": (
        "Share of households with access to at least 1 Gbit/s, latest year per municipality",
        "نسبة الأسر التي يتوفر لها 1 جيجابت/ث على الأقل، آخر سنة لكل بلدية",
    ),
    "Inga siffror": ("No figures", "لا توجد أرقام"),
    "Hela länet": ("The whole county", "المقاطعة كلها"),
    "Tack! Din rapport är skickad.": ("Thank you! Your report has been sent.", "شكرًا! تم إرسال بلاغك."),
    "Ditt ärendenummer är <strong>%(reference)s</strong>.": (
        "Your reference number is <strong>%(reference)s</strong>.",
        "رقم بلاغك هو <strong>%(reference)s</strong>.",
    ),
    "Problem": ("Problem", "المشكلة"),
    "Operatör": ("Operator", "المشغل"),
    "Du har skickat många rapporter på kort tid. Vänta en stund och försök igen.": (
        "You have sent many reports in a short time. Wait a while and try again.",
        "أرسلت بلاغات كثيرة في وقت قصير. انتظر قليلًا ثم حاول مرة أخرى.",
    ),
    "Något behöver rättas": ("Something needs correcting", "هناك ما يحتاج إلى تصحيح"),
    "(frivilligt)": ("(optional)", "(اختياري)"),
    "Skicka rapporten": ("Send the report", "أرسل البلاغ"),
    "Områden där fiber planeras eller byggs": (
        "Areas where fibre is planned or being built",
        "مناطق يُخطط فيها للألياف أو تُبنى",
    ),
    "Vem bygger": ("Who builds", "من يبني"),
    "Klart år": ("Ready in", "سنة الانتهاء"),
    "Läge": ("Status", "الحالة"),
    "Länet, hushåll minst 1 Gbit/s": (
        "County, households at least 1 Gbit/s",
        "المقاطعة، الأسر 1 جيجابت/ث على الأقل",
    ),
    "Öppna data:": ("Open data:", "بيانات مفتوحة:"),
    "alla siffror som CSV": ("all figures as CSV", "كل الأرقام بصيغة CSV"),
    "Fri att använda enligt CC BY 4.0; ange källan som står på varje rad.": (
        "Free to use under CC BY 4.0; cite the source given on each row.",
        "حرة الاستخدام وفق CC BY 4.0؛ اذكر المصدر المبين في كل سطر.",
    ),
    "Ditt namn": ("Your name", "اسمك"),
    "Då får du en bekräftelse och en länk för att avboka.": (
        "Then you get a confirmation and a link to cancel.",
        "ستصلك رسالة تأكيد ورابط للإلغاء.",
    ),
    "Vad vill du ha hjälp med? (frivilligt)": (
        "What do you need help with? (optional)",
        "بماذا تحتاج المساعدة؟ (اختياري)",
    ),
    "Behöver du någon anpassning? (frivilligt)": (
        "Do you need any adjustments? (optional)",
        "هل تحتاج إلى أي تسهيلات؟ (اختياري)",
    ),
    "Till exempel hörslinga, tolk eller att någon möter dig i entrén.": (
        "For example a hearing loop, an interpreter or someone to meet you at the entrance.",
        "مثلًا حلقة سمعية أو مترجم أو من يستقبلك عند المدخل.",
    ),
    "Skriv din e-post eller ditt telefonnummer, så att biblioteket kan nå dig.": (
        "Give your email or phone number so that the library can reach you.",
        "اكتب بريدك الإلكتروني أو رقم هاتفك لتتمكن المكتبة من التواصل معك.",
    ),
    "%(seats)s plats kvar": (("%(seats)s seat left", "%(seats)s seats left"), "%(seats)s مقاعد متبقية"),
    "Fullt – väntelista": ("Full – waiting list", "ممتلئ – قائمة انتظار"),
    "Skriv upp dig på väntelistan": ("Join the waiting list", "سجّل في قائمة الانتظار"),
    "Boka plats": ("Book a seat", "احجز مقعدًا"),
    "Lägg till i kalendern": ("Add to calendar", "أضف إلى التقويم"),
    "Avboka": ("Cancel booking", "إلغاء الحجز"),
    "Länken gäller inte. Den kan vara felskriven eller för gammal. Ring biblioteket om du vill avboka.": (
        "The link is not valid. It may be mistyped or too old. Call the library if you want to cancel.",
        "الرابط غير صالح. قد يكون مكتوبًا خطأ أو قديمًا. اتصل بالمكتبة إذا أردت الإلغاء.",
    ),
    "Din bokning är avbokad. Tack för att du sa till!": (
        "Your booking is cancelled. Thank you for letting us know!",
        "تم إلغاء حجزك. شكرًا لإبلاغنا!",
    ),
    "Bokningen är redan avbokad.": ("The booking is already cancelled.", "الحجز ملغى بالفعل."),
    "Vill du avboka %(what)s %(when)s?": (
        "Do you want to cancel %(what)s %(when)s?",
        "هل تريد إلغاء %(what)s %(when)s؟",
    ),
    "Ja, avboka": ("Yes, cancel", "نعم، ألغِ"),
    "Du står på väntelistan": ("You are on the waiting list", "أنت في قائمة الانتظار"),
    "Alla platser är tagna. Blir en plats ledig får du den, och vi hör av oss.": (
        "All seats are taken. If a seat becomes free it is yours, and we will let you know.",
        "كل المقاعد محجوزة. إذا شغر مقعد فهو لك وسنخبرك.",
    ),
    "Din plats är bokad": ("Your seat is booked", "تم حجز مقعدك"),
    "Vad": ("What", "ماذا"),
    "Vi har skickat en bekräftelse till din e-post.": (
        "We have sent a confirmation to your email.",
        "أرسلنا تأكيدًا إلى بريدك الإلكتروني.",
    ),
    "Kan du inte komma? Avboka, så kan någon annan få platsen:": (
        "Can't come? Cancel, so someone else can have the seat:",
        "لا تستطيع الحضور؟ ألغِ الحجز ليحصل غيرك على المقعد:",
    ),
    "Spara länken: den är din enda väg att avboka på webben. Du kan också ringa biblioteket.": (
        "Keep the link: it is your only way to cancel on the web. You can also call the library.",
        "احتفظ بالرابط: إنه طريقتك الوحيدة للإلغاء عبر الإنترنت. يمكنك أيضًا الاتصال بالمكتبة.",
    ),
    "Platser": ("Seats", "المقاعد"),
    "Fullt. Du kan skriva upp dig på väntelistan.": (
        "Full. You can join the waiting list.",
        "ممتلئ. يمكنك التسجيل في قائمة الانتظار.",
    ),
    "Många bokar just nu. Ingenting är sparat – försök igen om en liten stund.": (
        "Many people are booking right now. Nothing was saved – try again in a moment.",
        "كثيرون يحجزون الآن. لم يُحفظ شيء – حاول بعد قليل.",
    ),
    "Många bokningar har gjorts härifrån på kort tid. Vänta en stund och försök igen, eller ring biblioteket.": (
        "Many bookings have been made from here in a short time. Wait a while and try again, or call the library.",
        "أُجريت حجوزات كثيرة من هنا في وقت قصير. انتظر قليلًا ثم حاول مرة أخرى أو اتصل بالمكتبة.",
    ),
    "<strong>Om dina uppgifter:</strong> bara personalen på biblioteket ser det du skriver. Uppgifterna raderas 30 dagar efter tillfället. Sidan använder en nödvändig kaka som skyddar formuläret mot missbruk.": (
        "<strong>About your data:</strong> only the library staff see what you write. It is deleted 30 days after the session. This page uses one necessary cookie that protects the form from abuse.",
        "<strong>عن بياناتك:</strong> لا يرى ما تكتبه إلا موظفو المكتبة. تُحذف البيانات بعد 30 يومًا من الجلسة. تستخدم هذه الصفحة ملف تعريف ارتباط ضروريًا واحدًا لحماية النموذج.",
    ),
    "Skriv upp mig på väntelistan": ("Put me on the waiting list", "سجّلني في قائمة الانتظار"),
    "Boka platsen": ("Book the seat", "احجز المقعد"),
    "Alla bibliotek": ("All libraries", "كل المكتبات"),
    "Prenumerera på alla tillfällen i din kalender:": (
        "Subscribe to all sessions in your calendar:",
        "اشترك في كل الجلسات في تقويمك:",
    ),
    "Stadsnät": ("City network", "شبكة المدينة"),
    "Sök: %(q)s": ("Search: %(q)s", "بحث: %(q)s"),
    "Menade du": ("Did you mean", "هل تقصد"),
    "Avgränsa": ("Narrow down", "تضييق النتائج"),
    "Typ av innehåll": ("Type of content", "نوع المحتوى"),
    "Visa träffar": ("Show results", "اعرض النتائج"),
    "Rekommenderas": ("Recommended", "موصى به"),
    "Sök utan avgränsningar": ("Search without filters", "ابحث دون تصفية"),
    "Det här hjälper vi till med": ("What we help with", "ما نساعد فيه"),
    "Förslag": ("Suggestions", "اقتراحات"),
    "Valda avgränsningar": ("Chosen filters", "عوامل التصفية المختارة"),
    "Ta bort: %(label)s": ("Remove: %(label)s", "إزالة: %(label)s"),
    "Kommersiell operatör": ("Commercial operator", "مشغل تجاري"),
    "Fiberförening": ("Fibre association", "جمعية ألياف"),
    "Bredband i kommunen": ("Broadband in the municipality", "الإنترنت في البلدية"),
    "Bredbandsguide": ("Broadband guide", "دليل الإنترنت"),
    "Nätägare eller fiberförening": ("Network owner or fibre association", "مالك شبكة أو جمعية ألياف"),
    "Bibliotek": ("Library", "مكتبة"),
    "Digital hjälp": ("Digital help", "مساعدة رقمية"),
    "Guide": ("Guide", "دليل"),
    "E-tjänst": ("E-service", "خدمة إلكترونية"),
    "Sida": ("Page", "صفحة"),
    "svenska": ("Swedish", "السويدية"),
    "engelska": ("English", "الإنجليزية"),
    "arabiska": ("Arabic", "العربية"),
    "somaliska": ("Somali", "الصومالية"),
    "tigrinja": ("Tigrinya", "التغرينية"),
    "persiska/dari": ("Persian/Dari", "الفارسية/الدارية"),
    "finska": ("Finnish", "الفنلندية"),
    "ukrainska": ("Ukrainian", "الأوكرانية"),
    "svenskt teckenspråk": ("Swedish Sign Language", "لغة الإشارة السويدية"),
    "Ett tillfälle": ("One session", "جلسة واحدة"),
    "Varje vecka": ("Every week", "كل أسبوع"),
    "Varannan vecka": ("Every other week", "كل أسبوعين"),
    "En gång i månaden, samma veckodag": (
        "Once a month, same weekday",
        "مرة في الشهر، في اليوم نفسه من الأسبوع",
    ),
    "Så länge sparar vi uppgifterna": ("How long we keep data", "مدة احتفاظنا بالبيانات"),
    "Uppgifter": ("Data", "البيانات"),
    "Hur länge": ("How long", "المدة"),
    "Därefter": ("Afterwards", "بعد ذلك"),
    "%(days)s dag": (("%(days)s day", "%(days)s days"), ("%(days)s يوم",)),
    "Bokningar av digital hjälp (namn, e-post, telefon, behov)": (
        "Bookings of digital help (name, email, phone, needs)",
        "حجوزات المساعدة الرقمية (الاسم، البريد الإلكتروني، الهاتف، الاحتياجات)",
    ),
    "efter tillfället": ("after the session", "بعد الجلسة"),
    "Bokningen raderas helt.": ("The booking is deleted completely.", "يُحذف الحجز بالكامل."),
    "Rapporter om dålig mobiltäckning (plats, koordinater, beskrivning, kontakt)": (
        "Reports of poor mobile coverage (place, coordinates, description, contact)",
        "بلاغات ضعف تغطية الهاتف المحمول (المكان، الإحداثيات، الوصف، بيانات التواصل)",
    ),
    "efter att rapporten kom in": ("after the report came in", "بعد وصول البلاغ"),
    "Uppgifterna raderas; kvar finns bara kommun, operatör, problem och datum, för statistiken.": (
        "The data is erased; only municipality, operator, problem and date remain, for the statistics.",
        "تُحذف البيانات؛ ولا يبقى إلا البلدية والمشغل والمشكلة والتاريخ لأغراض الإحصاء.",
    ),
    "Sökningar (vad som söktes, aldrig vem; personnummer, telefonnummer och e-post maskeras)": (
        "Searches (what was searched for, never who; identity numbers, phone numbers and email addresses are masked)",
        "عمليات البحث (ما تم البحث عنه، وليس من بحث؛ تُخفى أرقام الهوية وأرقام الهاتف وعناوين البريد الإلكتروني)",
    ),
    "efter sökningen": ("after the search", "بعد البحث"),
    "Sökningen raderas.": ("The search is deleted.", "يُحذف البحث."),
    "Avbokningskod": ("Cancellation code", "رمز الإلغاء"),
    "Koden står i mejlet du fick när du bokade.": (
        "The code is in the email you received when you booked.",
        "الرمز موجود في البريد الإلكتروني الذي وصلك عند الحجز.",
    ),
    "Fortsätt": ("Continue", "متابعة"),
    "Din avbokningskod är <code>%(cancel_code)s</code>. Spara den (eller mejlet): den är din väg att avboka på webben. Du kan också ringa biblioteket.": (
        "Your cancellation code is <code>%(cancel_code)s</code>. Keep it (or the email): it is your way to cancel on the web. You can also call the library.",
        "رمز الإلغاء الخاص بك هو <code>%(cancel_code)s</code>. احتفظ به (أو بالبريد الإلكتروني): فهو طريقتك للإلغاء عبر الموقع. يمكنك أيضًا الاتصال بالمكتبة.",
    ),
}

ENTRY = re.compile(
    r'(msgid "(?P<id>(?:[^"\\]|\\.)*)"\n(?:msgid_plural "(?P<plural>(?:[^"\\]|\\.)*)"\n)?)(?P<strs>(?:msgstr(?:\[\d\])? ".*"\n?)+)'
)


def fill(po_path: Path, column: int) -> int:
    text = po_path.read_text(encoding="utf-8")
    filled = 0

    def replace(match):
        nonlocal filled
        msgid = match.group("id").replace('\\"', '"')
        if msgid not in T:
            return match.group(0)
        value = T[msgid][column]
        strs = match.group("strs")
        if match.group("plural") is not None:
            forms = value if isinstance(value, tuple) else (value,)
            count = len(re.findall(r"msgstr\[\d\]", strs))
            lines = [f'msgstr[{i}] "{forms[min(i, len(forms) - 1)]}"' for i in range(count)]
            new = "\n".join(lines) + "\n"
        else:
            new = f'msgstr "{value}"\n'
        filled += 1
        return match.group(1) + new

    text = ENTRY.sub(replace, text)
    text = text.replace("#, fuzzy\n", "")
    po_path.write_text(text, encoding="utf-8")
    return filled


def main() -> int:
    for code, column in (("en", 0), ("ar", 1)):
        po = ROOT / "locale" / code / "LC_MESSAGES" / "django.po"
        print(f"{code}: {fill(po, column)} strings translated")
        subprocess.run(["msgfmt", "--check-format", "-o", str(po.with_suffix(".mo")), str(po)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
