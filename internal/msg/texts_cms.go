package msg

// The cms setting of content/_index.md (the Decap CMS form at admin/).
const (
	CMSBackendUnknown      ID = "cms-backend-unknown"
	CMSRepoInvalid         ID = "cms-repo-invalid"
	CMSBranchInvalid       ID = "cms-branch-invalid"
	CMSAuthEndpointInvalid ID = "cms-auth-endpoint-invalid"
	CMSSiteDomainInvalid   ID = "cms-site-domain-invalid"
)

var cmsTexts = map[ID]Text{
	CMSBackendUnknown: {
		Sv:  "%q är ingen backend som formuläret kan använda%s%s",
		En:  "%q is not a backend the form can use%s%s",
		Fix: "Ta bort backend (då används github), eller skriv test-repo för att prova formuläret utan att spara något.",
	},
	CMSRepoInvalid: {
		Sv:  "%q är inget GitHub-repo: skriv ägare/namn, t.ex. forbundet/katalog",
		En:  "%q is not a GitHub repository: write owner/name, e.g. forbundet/katalog",
		Fix: "Skriv repots namn som det står i adressen github.com/ägare/namn, utan https://github.com/ först.",
	},
	CMSBranchInvalid: {
		Sv:  "%q är inget giltigt namn på en gren: använd bokstäver a–z, siffror, -, _, . och /, t.ex. main",
		En:  "%q is not a valid branch name: use letters a-z, digits, -, _, . and /, e.g. main",
		Fix: "Skriv namnet på grenen som webbplatsen byggs från, oftast main.",
	},
	CMSAuthEndpointInvalid: {
		Sv:  "%q är ingen sökväg: skriv den del av adressen som kommer efter base_url, t.ex. auth",
		En:  "%q is not a path: write the part of the address that follows base_url, e.g. auth",
		Fix: "Skriv sökvägen som inloggningstjänsten anger, utan mellanslag och utan https://.",
	},
	CMSSiteDomainInvalid: {
		Sv:  "%q är inget domännamn: skriv bara namnet, t.ex. katalogen.netlify.app, utan https:// och /",
		En:  "%q is not a domain name: write the name only, e.g. katalogen.netlify.app, without https:// and /",
		Fix: "Skriv domännamnet för webbplatsen som inloggningstjänsten (t.ex. Netlify) känner till.",
	},
}
