package msg

// The output folder: what samkat refuses to write to, and what it keeps.
const (
	OutIsCatalogue     ID = "out-is-catalogue"
	OutAboveCatalogue  ID = "out-above-catalogue"
	OutInsideSources   ID = "out-inside-sources"
	OutNotAFolder      ID = "out-not-a-folder"
	OutBusy            ID = "out-busy"
	OutInTheWay        ID = "out-in-the-way"
	OutInTheWayMany    ID = "out-in-the-way-many"
	OutRefused         ID = "out-refused"
	OutKept            ID = "out-kept"
	OutKeptMore        ID = "out-kept-more"
	OutManifestDamaged ID = "out-manifest-damaged"
	CmdWroteChanges    ID = "cmd-wrote-changes"
)

var outputTexts = map[ID]Text{
	OutIsCatalogue: {
		Sv: "skriver inte webbplatsen till %s: det är själva katalogmappen; välj en annan utmapp (standard är %s)",
		En: "refusing to write the site to %s: it is the catalogue folder itself; choose another output folder (the default is %s)",
	},
	OutAboveCatalogue: {
		Sv: "skriver inte webbplatsen till %s: den innehåller katalogmappen %s, som bygget då skulle blanda ihop med webbplatsen; välj en mapp utanför den (standard är %s)",
		En: "refusing to write the site to %s: it contains the catalogue folder %s, which the build would mix the site into; choose a folder outside it (the default is %s)",
	},
	OutInsideSources: {
		Sv: "skriver inte webbplatsen till %s: den ligger i katalogens mapp %s, som bygget läser; välj en mapp utanför den (standard är %s)",
		En: "refusing to write the site to %s: it lies inside the catalogue's %s folder, which the build reads; choose a folder outside it (the default is %s)",
	},
	OutNotAFolder: {
		Sv: "skriver inte webbplatsen till %s: den finns och är ingen mapp",
		En: "refusing to write the site to %s: it exists and is not a folder",
	},
	OutBusy: {
		Sv: "ett annat samkat-bygge skriver till %s; vänta tills det är klart och bygg igen",
		En: "another samkat build is writing to %s; wait for it to finish and build again",
	},
	OutInTheWay: {
		Sv: "skriver inte över %s i %s: samkat skrev den inte (%s); flytta eller ta bort den och bygg igen",
		En: "refusing to overwrite %s in %s: samkat did not write it (%s); move it away or delete it and build again",
	},
	OutInTheWayMany: {
		Sv: "skriver inte över %d filer eller mappar i %s som samkat inte skrev, bland dem %s (%s); flytta eller ta bort dem och bygg igen",
		En: "refusing to overwrite %d files or folders in %s that samkat did not write, among them %s (%s); move them away or delete them and build again",
	},
	OutRefused: {
		Sv: "skriver inte webbplatsen till %s",
		En: "refusing to write the site to %s",
	},
	OutKept: {
		Sv: "%s skapades inte av samkat; det som redan finns där behålls: %s",
		En: "%s was not made by samkat; keeping what it already holds: %s",
	},
	OutKeptMore: {
		Sv: "%s skapades inte av samkat; det som redan finns där behålls: %s och %d till",
		En: "%s was not made by samkat; keeping what it already holds: %s and %d more",
	},
	OutManifestDamaged: {
		Sv: "%s är skadad eller kommer från en annan version av samkat; ta bort den för att bygga igen (samkat räknar då filerna i mappen som andras)",
		En: "%s is damaged or from another samkat version; delete it to build again (samkat will then treat the files in the folder as not its own)",
	},
	CmdWroteChanges: {
		Sv: "skrev %d filer, %d oförändrade, %d borttagna (%d filer, %d verksamheter) till %s",
		En: "wrote %d files, %d unchanged, %d removed (%d files, %d activities) to %s",
	},
}
