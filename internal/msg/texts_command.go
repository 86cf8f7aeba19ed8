package msg

// What the samkat command itself says: results, usage errors and failures
// that are not about one file.
const (
	CmdUnknown            ID = "cmd-unknown"
	CmdValid              ID = "cmd-valid"
	CmdWrote              ID = "cmd-wrote"
	CmdHasErrors          ID = "cmd-has-errors"
	CmdFailed             ID = "cmd-failed"
	CmdNotCatalogue       ID = "cmd-not-catalogue"
	CmdBadFormat          ID = "cmd-bad-format"
	CmdBadBaseURL         ID = "cmd-bad-baseurl"
	CmdTooManyArgs        ID = "cmd-too-many-args"
	CmdBadNow             ID = "cmd-bad-now"
	CmdBadPort            ID = "cmd-bad-port"
	CmdListen             ID = "cmd-listen"
	ServeNoWatch          ID = "serve-no-watch"
	ServeServing          ID = "serve-serving"
	ServeFailedKept       ID = "serve-failed-kept"
	ServeFailedNone       ID = "serve-failed-none"
	ServeBuilt            ID = "serve-built"
	ServeRebuilt          ID = "serve-rebuilt"
	ServeNewBase          ID = "serve-new-base"
	ServeMoreProblems     ID = "serve-more-problems"
	ServeChanged1         ID = "serve-changed-1"
	ServeChangedN         ID = "serve-changed-n"
	CmdBadWarnings        ID = "cmd-bad-warnings"
	CmdBadFiles           ID = "cmd-bad-files"
	CmdNotAFile           ID = "cmd-not-a-file"
	CmdFileOutside        ID = "cmd-file-outside"
	CmdFilesTwoCatalogues ID = "cmd-files-two-catalogues"
	ServeBannerTitle      ID = "serve-banner-title"
	ServeBannerText       ID = "serve-banner-text"
	ServeFailedTitle      ID = "serve-failed-title"
	ServeFailedHeading    ID = "serve-failed-heading"
	ServeFailedText       ID = "serve-failed-text"
	CmdBadBind            ID = "cmd-bad-bind"
	ServeLANWarning       ID = "serve-lan-warning"
	ServeLANAddress       ID = "serve-lan-address"
)

var commandTexts = map[ID]Text{
	CmdUnknown:            {Sv: "okänt kommando %q", En: "unknown command %q"},
	CmdValid:              {Sv: "%s är giltig (%s)", En: "%s is valid (%s)"},
	CmdWrote:              {Sv: "skrev %d filer (%d verksamheter) till %s", En: "wrote %d files (%d activities) to %s"},
	CmdHasErrors:          {Sv: "katalogen har fel; ingenting publicerades", En: "the catalogue has errors; nothing was published"},
	CmdFailed:             {Sv: "%v", En: "%v"},
	CmdNotCatalogue:       {Sv: "%s har ingen mapp content/; är det en katalog? (se README.md)", En: "%s has no content/ folder; is it a catalogue? (see README.md)"},
	CmdBadFormat:          {Sv: "--format ska vara text, github eller json, inte %q", En: "--format must be text, github or json, not %q"},
	CmdBadBaseURL:         {Sv: "--baseurl ska vara en fullständig http- eller https-adress, inte %q", En: "--baseurl must be an absolute http or https address, not %q"},
	CmdTooManyArgs:        {Sv: "väntade högst en katalogmapp, fick %q", En: "expected at most one catalogue folder, got %q"},
	CmdBadNow:             {Sv: "--now: %s", En: "--now: %s"},
	CmdBadPort:            {Sv: "--port ska vara mellan 0 och 65535, inte %d", En: "--port must be between 0 and 65535, not %d"},
	CmdListen:             {Sv: "%v (kör redan en annan samkat serve? pröva --port 0)", En: "%v (is another samkat serve running? try --port 0)"},
	ServeNoWatch:          {Sv: "kan inte bevaka ändringar (%v); starta om samkat serve för att se ändringar", En: "cannot watch for changes (%v); restart samkat serve to see changes"},
	ServeServing:          {Sv: "visar %s på %s (Ctrl-C avslutar)", En: "serving %s at %s (Ctrl-C stops)"},
	ServeFailedKept:       {Sv: "bygget misslyckades; den senaste fungerande webbplatsen visas fortfarande, med problemen på varje sida", En: "the build failed; still serving the last good site, with the problems shown on every page"},
	ServeFailedNone:       {Sv: "bygget misslyckades; problemen visas på varje sida tills de är rättade", En: "the build failed; the problems are shown on every page until they are fixed"},
	ServeBuilt:            {Sv: "förberedde %d filer på %s, var och en görs när den efterfrågas%s", En: "prepared %d files in %s, each made when it is asked for%s"},
	ServeRebuilt:          {Sv: "förberedde %d filer på nytt på %s%s", En: "prepared %d files again in %s%s"},
	ServeNewBase:          {Sv: "webbplatsen visas nu under %s", En: "the site is now served under %s"},
	ServeMoreProblems:     {Sv: "… och %d till (se terminalen)", En: "… and %d more (see the terminal)"},
	ServeChanged1:         {Sv: " (%s ändrades)", En: " (%s changed)"},
	ServeChangedN:         {Sv: " (%s och %d till ändrades)", En: " (%s and %d more changed)"},
	CmdBadWarnings:        {Sv: "--warnings ska vara summary, all eller none, inte %q", En: "--warnings must be summary, all or none, not %q"},
	CmdBadFiles:           {Sv: "%s", En: "%s"},
	CmdNotAFile:           {Sv: "%s finns inte eller är ingen fil", En: "%s does not exist or is not a file"},
	CmdFileOutside:        {Sv: "%s ligger inte i en katalogs content/-mapp; ange katalogmappen eller filer i dess content/", En: "%s is not in a catalogue's content/ folder; give the catalogue folder or files in its content/"},
	CmdFilesTwoCatalogues: {Sv: "%s och %s ligger i olika kataloger; kontrollera en katalog åt gången", En: "%s and %s are in different catalogues; check one catalogue at a time"},
	ServeBannerTitle:      {Sv: "samkat serve: den senaste ändringen kunde inte byggas.", En: "samkat serve: the last change could not be built."},
	ServeBannerText:       {Sv: "Du ser den senaste versionen som gick att bygga. Rätta de här problemen och spara igen:", En: "You are seeing the last version that built. Fix these problems and save again:"},
	ServeFailedTitle:      {Sv: "samkat serve: katalogen går inte att bygga", En: "samkat serve: the catalogue does not build"},
	ServeFailedHeading:    {Sv: "Katalogen går inte att bygga än", En: "The catalogue does not build yet"},
	ServeFailedText:       {Sv: "samkat serve visar webbplatsen här så snart problemen är rättade.", En: "samkat serve shows the site here as soon as the problems are fixed."},
	CmdBadBind:            {Sv: "--bind ska vara en IP-adress, t.ex. 127.0.0.1 eller 0.0.0.0, inte %q", En: "--bind must be an IP address, e.g. 127.0.0.1 or 0.0.0.0, not %q"},
	ServeLANWarning:       {Sv: "varning: --bind %s gör förhandsvisningen nåbar för andra i nätverket; använd det bara på ett nätverk du litar på", En: "warning: --bind %s makes the preview reachable by others on the network; use it only on a network you trust"},
	ServeLANAddress:       {Sv: "från en annan enhet i nätverket: %s", En: "from another device on the network: %s"},
}
