package synth

// The words of the generated activities: names, people, places, and the
// sentences of each section of a description (see gen.fill for the
// placeholders). Written in the register of real catalogues.

var names = []string{
	"KRAFT-teamet", "U-SAM", "T-SAM", "SARV", "SARA", "Aktiv vardag",
	"Aktiv sjukskrivning", "Bedömningsteamet", "Curateamet", "Lotsen", "Krafthuset",
	"Byggstenen", "Arbetscentret", "Sampac", "Dialogförarna", "Psykiatrisjuksköterskorna",
	"Unga vuxna", "Stärka individen", "Ung arena", "Steget vidare", "Vägen ut",
	"Framtidsverkstaden", "Navet", "Jobbtorget", "Resursteamet", "Kompassen",
	"Brobyggarna", "Trappsteget", "Växthuset", "Återstart", "Hälsoslussen",
	"Arbetsträning i grupp", "Öppna dörrar", "Ung framtid", "Rehabkoordinatorerna",
	"Samverkansteamet", "Kartläggningsenheten", "Motivationsgruppen", "Vägledningscentrum",
	"Ett steg framåt", "Språkstödet", "Hälsocoacherna", "Arbetslivsporten",
	"Mötesplatsen", "Grön rehab", "Trädgårdsgruppen", "Second hand-butiken",
	"Café Mötet", "Snickeriet", "Friskvårdsslingan", "Individstödet", "IPS-teamet",
	"Supported employment", "Aktivitetshuset", "Förrehabilitering", "Kvinnokraft",
	"Unga i arbete", "Nystart", "Samordnad rehabilitering", "Försäkringsmedicinska teamet",
}

var förnamn = []string{
	"Lena", "Göran", "Anna", "Karin", "Maria", "Erik", "Lars", "Eva", "Åsa", "Björn",
	"Kerstin", "Mats", "Ingrid", "Per", "Sofia", "Jonas", "Malin", "Anders", "Helén",
	"Sanja", "Örjan", "Ann-Sofie", "Jörgen", "Märta", "Ahmed", "Fatima", "Lotta",
	"Håkan", "Ulrika", "Stefan", "Linnéa", "Elin", "Tove", "Mikael", "Pia",
}

var efternamn = []string{
	"Ehrnlund", "Johansson", "Andersson", "Karlsson", "Nilsson", "Eriksson", "Larsson",
	"Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson",
	"Hansson", "Bengtsson", "Lindström", "Åberg", "Öhman", "Ström", "Galic", "Brisman",
	"Haraldsson", "Ahlgren", "Sjögren", "Björklund", "Wallén", "Håkansson", "Ekström",
	"Nordén", "Lund", "Berg", "Lindqvist", "Holmgren", "Fransson",
}

var roller = []string{
	"Ansvarig tjänsteman", "Projektledare", "Samordnare", "Verksamhetschef",
	"Enhetschef", "Arbetsterapeut", "Kurator", "Rehabkoordinator", "Arbetskonsulent",
	"Handläggare", "Psykiatrisjuksköterska", "Förbundschef", "Coach",
}

var riktnummer = []string{"033", "0320", "0321", "0322", "0325", "0500", "0510", "031", "0520", "0506"}

var gator = []string{
	"Näsgatan", "Storgatan", "Kyrkogatan", "Järnvägsgatan", "Allégatan", "Torggatan",
	"Skolgatan", "Åsboholmsgatan", "Östra Vallgatan", "Södra Ågatan", "Brogatan",
	"Hälsovägen", "Industrigatan", "Västra Kyrkogatan", "Lasarettsvägen",
}

var parter = []string{
	"Arbetsförmedlingen", "Försäkringskassan", "Socialförvaltningen", "Primärvården",
	"Vuxenpsykiatrin", "Psykiatriska öppenvårdsmottagningen", "Västra Götalandsregionen",
	"Arbetsmarknadsenheten", "Individ- och familjeomsorgen", "Vuxenutbildningen",
	"Habiliteringen", "Beroendemottagningen", "Skaraborgs sjukhus", "Södra Älvsborgs sjukhus",
	"Studieförbundet Vuxenskolan", "Kriminalvården", "Företagshälsovården",
}

var huvudmän = []string{
	"Samordningsförbundet Bollebygd, Mark och Svenljunga",
	"Samordningsförbundet Östra Skaraborg",
	"Samordningsförbundet Västra Skaraborg",
	"Samordningsförbundet Sjuhärad",
	"Samordningsförbundet Älvsborg",
	"Samordningsförbundet Insjöriket",
	"Samordningsförbundet Väst",
	"Samordningsförbundet Trollhättan, Lilla Edet och Vänersborg",
	"Försäkringskassan",
	"Arbetsförmedlingen",
	"Västra Götalandsregionen",
	"Borås Stad",
}

var målgrupper = []string{
	"Invånare 18–64 år med behov av insatser från fler än en myndighet",
	"Unga vuxna 16–29 år som varken arbetar eller studerar",
	"Personer med psykisk ohälsa som står långt från arbetsmarknaden",
	"Sjukskrivna som behöver stöd för att återgå i arbete",
	"Personer med aktivitetsersättning",
	"Långtidsarbetslösa med försörjningsstöd",
	"Utrikes födda kvinnor som står utanför arbetsmarknaden",
	"Personer med neuropsykiatriska funktionsnedsättningar",
	"Personer som bollas mellan myndigheterna",
}

var bakgrund = []string{
	"Myndighetsövergripande samverkan har i många år bedrivits inom ramen för den finansiella samordningen av rehabiliteringsinsatser.",
	"Många personer behöver rehabiliteringsinsatser från flera myndigheter samtidigt, och insatserna behöver samordnas för att göra nytta.",
	"Det har visat sig att en del personer hamnar mellan myndigheterna eftersom ingen av dem ensam kan lösa deras situation.",
	"De är ofta aktuella hos två eller fler myndigheter och riskerar att hamna i rundgång mellan dem utan att komma vidare.",
	"Sedan {år} finns verksamheten i {kommuner}.",
	"Verksamheten kom till för att samordna sociala, medicinska och arbetsmarknadspolitiska insatser för den enskilde.",
	"Behovet av en gemensam ingång till myndigheternas rehabiliteringsinsatser hade diskuterats länge bland parterna innan arbetet kom igång.",
	"Samverkan sker både i det dagliga arbetet mellan handläggare och i mer formella former som den finansiella samordningen.",
	"En kartläggning i {kommun} visade att många med försörjningsstöd saknade en plan som alla berörda kände till.",
	"Arbetet började som ett projekt och har sedan blivit en del av det ordinarie arbetet hos flera av parterna.",
	"De första åren arbetade {namn} framför allt med personer som varit sjukskrivna länge; sedan dess har uppdraget vidgats.",
	"Idén kom från handläggare hos {parter} som mötte samma personer gång på gång utan att något förändrades.",
	"{huvudman} beslöt att bekosta en förstudie om hur behoven såg ut i {kommuner}.",
	"Erfarenheter från tidigare samverkansprojekt i regionen har varit en viktig utgångspunkt.",
	"Arbetsmarknaden i {kommun} har förändrats de senaste åren, och kraven på formell utbildning har ökat.",
	"Många av deltagarna har haft kontakt med flera myndigheter i flera år utan att komma närmare arbete eller studier.",
	"Det förebyggande och hälsofrämjande arbetet har efter hand fått en större plats i verksamheten.",
	"En utvärdering {år} visade att fler deltagare än väntat gick vidare till arbete eller studier.",
}

var syfte = []string{
	"{namn} ska genom ett ordnat samarbete över myndighetsgränserna samla insatserna kring den som behöver ett samlat stöd.",
	"Syftet är att undvika att den enskilde skickas runt, att arbete görs dubbelt och att kontakterna med myndigheterna blir fler än de behöver vara.",
	"Den enskilde ska få rätt ersättning från rätt myndighet, utan onödiga väntetider.",
	"En gemensam plan för alla inblandade myndigheter ska göra rehabiliteringen kortare.",
	"Syftet är att se vilka möjligheter och hinder som finns och att stärka den enskildes väg till arbete eller studier.",
	"Verksamheten ska förhindra att människor hamnar mellan myndigheternas ansvarsområden.",
	"Målet är ökade möjligheter till egen försörjning, förbättrad hälsa och högre livskvalitet.",
	"Parterna ska tillsammans samordna insatserna för en rehabilitering som leder till arbete, utbildning och egen försörjning.",
	"Ett annat syfte är att sprida metoder som fungerar till det ordinarie arbetet hos {parter}.",
	"Samhällets gemensamma resurser ska användas effektivare och till större nytta för den enskilde.",
	"Insatsen ska göra deltagarna mer anställningsbara och minska behovet av försörjningsstöd i {kommun}.",
	"Verksamheten ska hitta det som står i vägen och komma igång med åtgärder som gör skillnad.",
}

var målgruppInledning = []string{
	"Invånare i {kommuner} i åldern {fran}–{till} år",
	"Verksamheten vänder sig till personer i åldern {fran}–{till} år",
	"Målgruppen är personer folkbokförda i {kommuner}",
	"Insatsen riktar sig till kvinnor och män",
	"Deltagarna är personer",
}

var målgruppPunkter = []string{
	"med problem där fysiska, psykiska och sociala faktorer samverkar",
	"som riskerar att länge vara beroende av samhällets stöd för sin försörjning",
	"med behov av insatser från fler än en myndighet",
	"som är arbetslösa eller sjukskrivna och vars situation inte kan lösas med vanligt samarbete",
	"som har möjlighet att nå arbetsmarknaden med rätt stöd",
	"som är aktuella hos minst två av parterna",
	"som har svårt att få eller behålla ett arbete",
	"med aktivitetsersättning eller sjukersättning",
	"med försörjningsstöd sedan mer än ett år",
	"med psykisk ohälsa eller neuropsykiatrisk funktionsnedsättning",
	"som behöver stöd för att börja studera",
	"som saknar fullständiga betyg från grundskolan eller gymnasiet",
}

var målgruppAvslutning = []string{
	"Unga vuxna mellan 19 och 29 år prioriteras.",
	"Prioriterad grupp är personer med aktivitetsersättning.",
	"Deltagandet är frivilligt och bygger på den enskildes motivation.",
	"Det finns inga krav på att deltagaren ska ha en viss ersättning.",
	"Verksamheten arbetar jämställt: alla, oavsett kön, ska få lika goda möjligheter.",
}

var arbetssätt = []string{
	"Verksamheten utgår från en helhetssyn på människan och inte från en enskild myndighets uppdrag.",
	"Var och en i teamet bidrar med sin kunskap för att ringa in deltagarens behov, möjligheter och begränsningar.",
	"Tillsammans tas en gemensam verklighetsbeskrivning och en gemensam handlingsplan fram.",
	"Arbetet börjar med en kartläggning och en arbetsförmågebedömning genom aktivitets- och funktionsförmågebedömning.",
	"Praktik, arbetsträning och språkträning används utifrån deltagarens individuella behov.",
	"Varje deltagare har en egen planering, och när insatsen avslutas skrivs en sammanfattning.",
	"Ärendet tas upp på ett samverkansmöte där {parter} deltar.",
	"Teamet träffas varannan vecka och går igenom nya och pågående ärenden.",
	"Deltagaren har samma kontaktperson under hela tiden i verksamheten.",
	"Arbetet sker i små grupper med fysisk aktivitet, samtal och studiebesök.",
	"Deltagarnas stegförflyttningar mäts regelbundet med ett gemensamt bedömningsinstrument.",
	"Uppföljningen registreras i det sektorsövergripande systemet för uppföljning av samverkan.",
	"Verksamheten arbetar med Supported employment: arbetet på en riktig arbetsplats kommer först, och stödet följer med.",
	"En vanlig vecka har tre dagar med aktiviteter och en dag med enskilda samtal.",
	"När deltagaren är redo lämnas ärendet över till den part som tar över ansvaret, vid ett gemensamt möte.",
	"Insatsen pågår oftast sex till tolv månader men kan förlängas efter en gemensam bedömning.",
	"Alla handläggare i verksamheten har gått utbildningen om våld i nära relationer.",
}

var kompetens = []string{
	"Kompetens från alla de berörda myndigheterna finns samlad i teamet.",
	"I teamet finns arbetsterapeut, socionom, arbetskonsulent och sjuksköterska.",
	"Personalen har lång erfarenhet av arbetslivsinriktad rehabilitering.",
	"Vid behov knyts läkare och psykolog från {parter} till verksamheten.",
	"Alla medarbetare är utbildade i motiverande samtal.",
	"Handledarna har arbetat inom bygg, handel, vård och trädgård.",
	"Kompetensen utvecklas genom gemensamma utbildningsdagar för parterna.",
}

var ingång = []string{
	"Varje myndighet kan anmäla ett ärende till en kontaktperson som tar upp det i {namn}.",
	"Därefter görs en första bedömning av om samverkan utöver de vanliga rutinerna behövs.",
	"Remiss skickas av handläggare hos {parter}.",
	"Den enskilde kan också själv ta kontakt med verksamheten.",
	"Ett informationsmöte hålls första tisdagen varje månad i {kommun}.",
	"Inskrivningen sker vid ett samtal där deltagaren, handläggaren och verksamheten är med.",
	"Just nu finns ingen kö.",
	"Väntetiden är oftast två till fyra veckor.",
}
