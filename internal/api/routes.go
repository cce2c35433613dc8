package api

// routes lists every route the server answers.
func (s *Server) routes() {
	// Public.
	s.route("GET /healthz", s.healthz)
	s.route("GET /readyz", s.readyz)
	s.route("GET /metrics", s.metricsPage)
	s.route("GET /api/v1/openapi.json", s.openAPI)
	s.route("GET /audio/{key}", s.audio)

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

	// Anything else under the API gets the JSON error shape.
	s.route("/api/v1/", s.notFound)
}
