# Multi-stage build of the web app. Tests do not run in Docker (see ./test.sh); this image is for
# people who deploy with containers.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props DigitaleHilfe.sln ./
COPY src/DigitaleHilfe.Web/DigitaleHilfe.Web.csproj src/DigitaleHilfe.Web/
RUN dotnet restore src/DigitaleHilfe.Web/DigitaleHilfe.Web.csproj
COPY src/ src/
RUN dotnet publish src/DigitaleHilfe.Web/DigitaleHilfe.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Berlin time zone data for Vorgangsnummern and displayed times; ICU for German formatting.
RUN apt-get update && apt-get install -y --no-install-recommends tzdata libicu72 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "DigitaleHilfe.Web.dll"]
