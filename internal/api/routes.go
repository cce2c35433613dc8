package api

// routes lists every route the server answers.
func (s *Server) routes() {
	// Public.
	s.route("GET /healthz", s.healthz)
	s.route("GET /readyz", s.readyz)
	s.route("GET /metrics", s.metricsPage)
	s.route("GET /api/v1/openapi.json", s.openAPI)
	s.route("GET /audio/{key}", s.audio)
	s.cors("POST /api/v1/articles/{id}/feedback", s.postFeedback)
	s.cors("POST /api/v1/articles/{id}/beacon", s.postBeacon)

	// Bearer key required.
	s.authed("POST /api/v1/articles", s.createArticle)
	s.authed("GET /api/v1/articles", s.listArticles)
	s.authed("GET /api/v1/articles/{id}", s.getArticle)
	s.authed("PUT /api/v1/articles/{id}", s.putArticle)
	s.authed("DELETE /api/v1/articles/{id}", s.deleteArticle)
	s.authed("POST /api/v1/feeds", s.createFeed)
	s.authed("GET /api/v1/feeds", s.listFeeds)
	s.authed("GET /api/v1/feeds/{id}", s.getFeed)
	s.authed("DELETE /api/v1/feeds/{id}", s.deleteFeed)
	s.authed("POST /api/v1/keys", s.createKey)
	s.authed("GET /api/v1/keys", s.listKeys)
	s.authed("DELETE /api/v1/keys/{id}", s.revokeKey)
	s.authed("GET /api/v1/publication", s.getPublication)
	s.authed("PUT /api/v1/publication", s.putPublication)
	s.authed("GET /api/v1/feedback", s.listFeedback)
	s.authed("GET /api/v1/articles/{id}/stats", s.articleStats)

	// Anything else under the API gets the JSON error shape.
	s.route("/api/v1/", s.notFound)

	// The listener's side: article pages, the player, embeds.
	if s.opts.Pages != nil {
		s.mux.Handle("/", s.metered("pages", s.opts.Pages))
	}
}
