package extract

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"

	"aloud/internal/article"
)

// articleTypes are the JSON-LD types whose fields describe the article.
var articleTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNewsArticle": true, "BlogPosting": true,
	"AnalysisNewsArticle": true, "OpinionNewsArticle": true, "BackgroundNewsArticle": true,
	"ReviewNewsArticle": true, "LiveBlogPosting": true, "TechArticle": true, "ScholarlyArticle": true,
	"Report": true, "SocialMediaPosting": true,
}

func (d *declared) addLD(src string) {
	var v any
	if err := json.Unmarshal([]byte(unwrapLD(src)), &v); err != nil {
		// Broken JSON-LD (comments, stray braces) is common; salvage the
		// plain string fields of an article object.
		if o := salvageLD(src); o != nil {
			d.ld = append(d.ld, o)
		}
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if isArticleType(x["@type"]) {
				d.ld = append(d.ld, x)
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if m, ok := x["mainEntity"]; ok {
				visit(m, depth+1)
			}
		}
	}
	visit(v, 0)
}

// unwrapLD cuts the JSON out of the wrappers pages put around it
// (<![CDATA[ … ]]>, <!-- … -->, comments before and after).
func unwrapLD(src string) string {
	if i := strings.Index(src, "<![CDATA["); i >= 0 {
		src = src[i+len("<![CDATA["):]
		if j := strings.LastIndex(src, "]]>"); j >= 0 {
			src = src[:j]
		}
	}
	i := strings.IndexAny(src, "{[")
	j := strings.LastIndexAny(src, "}]")
	if i < 0 || j < i {
		return src
	}
	return src[i : j+1]
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return articleTypes[x]
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && articleTypes[s] {
				return true
			}
		}
	}
	return false
}

// ldString is the first non-empty string found under key in the JSON-LD
// article objects; objects and arrays yield their "name" fields.
func (d *declared) ldString(key string) string {
	for _, o := range d.ld {
		if s := jsonText(o[key], 0); s != "" {
			return s
		}
	}
	return ""
}

func jsonText(v any, depth int) string {
	if depth > 4 {
		return ""
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(x))
	case map[string]any:
		if s := jsonText(x["name"], depth+1); s != "" {
			return s
		}
		return jsonText(x["@id"], depth+1)
	case []any:
		var parts []string
		for _, e := range x {
			if s := jsonText(e, depth+1); s != "" && !contains(parts, s) {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}

func ldPublisher(d *declared) string {
	for _, o := range d.ld {
		if s := jsonText(o["publisher"], 0); s != "" && !strings.HasPrefix(s, "http") {
			return s
		}
	}
	return ""
}

// declaredBody is the JSON-LD articleBody as paragraph blocks.
func (p *page) declaredBody() []article.Block {
	body := p.decl.ldString("articleBody")
	if body == "" {
		return nil
	}
	if strings.Contains(body, "</") {
		if doc, err := html.Parse(strings.NewReader(body)); err == nil {
			body = textOf(doc)
		}
	}
	// Bodies flattened from paragraphs often lose the space between them
	// ("…79 moons.The find…"), which a sentence splitter needs.
	body = glued.ReplaceAllString(body, "$1 $2")
	var out []article.Block
	for _, line := range strings.Split(body, "\n") {
		if line = collapse(line); line != "" {
			out = append(out, article.Block{Type: article.Paragraph, Text: line})
		}
	}
	return cleanBlocks(out, "")
}

func textLen(blocks []article.Block) int {
	n := 0
	for _, b := range blocks {
		t, _ := countText(b.Text)
		n += t
	}
	return n
}

var (
	glued     = regexp.MustCompile(`([a-z\p{Ll}][.!?]["”’]?)(\p{Lu})`)
	ldTypeRE  = regexp.MustCompile(`"@type"\s*:\s*"(\w+)"`)
	ldFieldRE = regexp.MustCompile(`"(headline|articleBody|datePublished|inLanguage|url)"\s*:\s*("(?:[^"\\]|\\.)*")`)
)

// salvageLD reads the string fields of an article object out of JSON-LD
// that does not parse.
func salvageLD(src string) map[string]any {
	isArticle := false
	for _, m := range ldTypeRE.FindAllStringSubmatch(src, -1) {
		isArticle = isArticle || articleTypes[m[1]]
	}
	if !isArticle {
		return nil
	}
	o := map[string]any{}
	for _, m := range ldFieldRE.FindAllStringSubmatch(src, -1) {
		var v string
		if _, seen := o[m[1]]; seen || json.Unmarshal([]byte(m[2]), &v) != nil {
			continue
		}
		o[m[1]] = v
	}
	return o
}
