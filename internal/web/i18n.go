package web

import "strings"

// Strings are the words of the page and the player in one language. The
// player gets them with the article's data, so its script carries none.
type Strings struct {
	Listen       string `json:"listen"`
	Play         string `json:"play"`
	Pause        string `json:"pause"`
	Back         string `json:"back"`
	Forward      string `json:"forward"`
	Prev         string `json:"prev"`
	Next         string `json:"next"`
	Seek         string `json:"seek"`
	Of           string `json:"of"`
	Speed        string `json:"speed"`
	Download     string `json:"download"`
	Playing      string `json:"playing"`
	Paused       string `json:"paused"`
	Ended        string `json:"ended"`
	Loading      string `json:"loading"`
	LoadFailed   string `json:"load_failed"`
	Disclosure   string `json:"disclosure"`
	MoreInfo     string `json:"more_info"`
	SendFeedback string `json:"send_feedback"`
	Preparing    string `json:"preparing"`
	FbLegend     string `json:"fb_legend"`
	FbPron       string `json:"fb_pronunciation"`
	FbText       string `json:"fb_text"`
	FbAudio      string `json:"fb_audio"`
	FbOther      string `json:"fb_other"`
	FbNote       string `json:"fb_note"`
	FbSend       string `json:"fb_send"`
	FbCancel     string `json:"fb_cancel"`
	FbThanks     string `json:"fb_thanks"`
	FbFailed     string `json:"fb_failed"`
	FbChoose     string `json:"fb_choose"`
	Player       string `json:"player"`

	// Page only.
	Source      string `json:"-"`
	NotFound    string `json:"-"`
	NotFoundMsg string `json:"-"`
	Unavailable string `json:"-"`
	AboutTitle  string `json:"-"`
	AboutEngine string `json:"-"`
	AboutNorm   string `json:"-"`
	AboutReport string `json:"-"`
	AboutVoices string `json:"-"`
	Language    string `json:"-"`
}

var english = Strings{
	Listen: "Listen to article", Play: "Play", Pause: "Pause", Back: "Back 15 seconds", Forward: "Forward 15 seconds",
	Prev: "Previous paragraph", Next: "Next paragraph", Seek: "Position", Of: "of", Speed: "Playback speed",
	Download: "Download audio", Playing: "Playing", Paused: "Paused", Ended: "Finished", Loading: "Loading audio",
	LoadFailed: "The audio could not be loaded.",
	Disclosure: "This audio version was artificially generated.", MoreInfo: "More info", SendFeedback: "Send feedback",
	Preparing: "Audio is being prepared", FbLegend: "What was wrong?", FbPron: "Pronunciation",
	FbText: "Wrong or missing text", FbAudio: "Audio quality", FbOther: "Other", FbNote: "Note (optional)",
	FbSend: "Send", FbCancel: "Cancel", FbThanks: "Thank you. Your feedback was sent.",
	FbFailed: "Your feedback could not be sent:", FbChoose: "Please choose what was wrong.", Player: "Audio player",
	Source: "Source", NotFound: "Not found", NotFoundMsg: "There is no article at this address.",
	Unavailable: "The audio of this article is not available.",
	AboutTitle:  "How this audio was made",
	AboutEngine: "The audio versions of %s are read by a computer voice, not by a person. " +
		"The text of each article is turned into speech by an open-source speech synthesizer " +
		"(flite for English, eSpeak NG for other languages) running on our own servers.",
	AboutNorm: "Before it is read, the text is normalized for speech: numbers, dates, times, money, " +
		"abbreviations and acronyms are written out the way they are said, and a pronunciation lexicon " +
		"is applied. Loudness is evened out. The audio files are tagged as AI-generated.",
	AboutReport: "Heard something wrong? Use “Send feedback” under the player: choose what was wrong, add a note if you like. " +
		"The playback time and the sentence you heard are attached; nothing that identifies you is stored.",
	AboutVoices: "Voices", Language: "Language",
}

var german = Strings{
	Listen: "Artikel anhören", Play: "Abspielen", Pause: "Pause", Back: "15 Sekunden zurück", Forward: "15 Sekunden vor",
	Prev: "Vorheriger Absatz", Next: "Nächster Absatz", Seek: "Position", Of: "von", Speed: "Wiedergabegeschwindigkeit",
	Download: "Audio herunterladen", Playing: "Wiedergabe läuft", Paused: "Angehalten", Ended: "Zu Ende",
	Loading: "Audio wird geladen", LoadFailed: "Das Audio konnte nicht geladen werden.",
	Disclosure: "Diese Audioversion wurde künstlich erzeugt.", MoreInfo: "Mehr Informationen", SendFeedback: "Feedback senden",
	Preparing: "Audio wird vorbereitet", FbLegend: "Was war falsch?", FbPron: "Aussprache",
	FbText: "Falscher oder fehlender Text", FbAudio: "Tonqualität", FbOther: "Anderes", FbNote: "Anmerkung (optional)",
	FbSend: "Senden", FbCancel: "Abbrechen", FbThanks: "Danke! Ihr Feedback wurde gesendet.",
	FbFailed: "Ihr Feedback konnte nicht gesendet werden:", FbChoose: "Bitte wählen Sie aus, was falsch war.",
	Player: "Audioplayer", Source: "Quelle", NotFound: "Nicht gefunden", NotFoundMsg: "Unter dieser Adresse gibt es keinen Artikel.",
	Unavailable: "Das Audio dieses Artikels ist nicht verfügbar.",
	AboutTitle:  "Wie dieses Audio entsteht",
	AboutEngine: "Die Audioversionen von %s liest eine Computerstimme, kein Mensch. " +
		"Ein quelloffener Sprachsynthesizer (flite für Englisch, eSpeak NG für andere Sprachen) " +
		"wandelt den Text jedes Artikels auf unseren eigenen Servern in Sprache um.",
	AboutNorm: "Vor dem Vorlesen wird der Text für die Sprache aufbereitet: Zahlen, Daten, Uhrzeiten, Beträge, " +
		"Abkürzungen und Akronyme werden so ausgeschrieben, wie man sie spricht, und ein Aussprachelexikon wird angewandt. " +
		"Die Lautstärke wird angeglichen. Die Audiodateien sind als KI-erzeugt gekennzeichnet.",
	AboutReport: "Etwas klang falsch? Nutzen Sie „Feedback senden“ unter dem Player: Wählen Sie aus, was falsch war, und " +
		"fügen Sie bei Bedarf eine Anmerkung hinzu. Die Abspielzeit und der gehörte Satz werden angehängt; nichts, " +
		"was Sie identifiziert, wird gespeichert.",
	AboutVoices: "Stimmen", Language: "Sprache",
}

// stringsFor picks the strings of a BCP 47 language: German for de-*,
// English otherwise. lang is the normalized choice.
func stringsFor(tag string) (s Strings, lang string) {
	if strings.HasPrefix(strings.ToLower(tag), "de") {
		return german, "de"
	}
	return english, "en"
}
