module aloud

go 1.26
