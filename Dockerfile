# Build with the SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# One runtime: the imaging library ships native code for every platform, and only Linux x64 runs here.
RUN dotnet publish src/Syndicator.Host -c Release -r linux-x64 --self-contained false -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# The notice board's fonts (docs/channels/noticeboard.md): one TrueType CJK font and one Latin, both subset by PDFsharp.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-droid-fallback fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown -R app:app /data
USER app
ENV Syndicator__Api__Urls=http://0.0.0.0:8080 \
    Syndicator__Storage__DataDirectory=/data
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/app/syndicator", "probe", "http://127.0.0.1:8080/health/live"]
ENTRYPOINT ["/app/syndicator"]
CMD ["serve"]
