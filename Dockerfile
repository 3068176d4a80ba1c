# Build: a static binary from the Go toolchain image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/confgraph ./cmd/confgraph

# Run: only the binary, as a non-root user.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/confgraph /confgraph
EXPOSE 8080
ENTRYPOINT ["/confgraph"]
CMD ["serve", "--addr", "0.0.0.0:8080"]
