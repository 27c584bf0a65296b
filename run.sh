#!/usr/bin/env bash
# Runs DigitaleHilfe with demo data at http://127.0.0.1:5080 on a Debian machine with the .NET SDK.
# Brings up what it needs (PostgreSQL, the smtp4dev mail catcher) and reuses it on the next run.
set -euo pipefail
cd "$(dirname "$0")"

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export DemoData__Seed="${DemoData__Seed:-true}"
export Smtp__Host="${Smtp__Host:-127.0.0.1}"
export Smtp__Port="${Smtp__Port:-2525}"
# REMINDERS=fast ./run.sh turns the reminder delays from hours and days into a minute or two, so that
# escalations, nudges, expiries and follow-ups can be watched arriving in smtp4dev (docs/operations.md).
if [[ "${REMINDERS:-}" == "fast" ]]; then
    export Reminders__DispatchInterval=00:00:05 Hangfire__QueuePollInterval=00:00:01
    export Reminders__UnclaimedEscalationAfter=00:01:00 Reminders__UnclaimedWidenAfter=00:02:00
    export Reminders__StaleClaimNudgeAfter=00:01:00 Reminders__ClaimExpiresAfterNudge=00:01:00
    export Reminders__AppointmentReminderBefore=00:01:00 Reminders__MissingOutcomeAfter=00:01:00
    export Reminders__FollowUpAfter=00:01:00
    echo "Reminders: fast (delays of one or two minutes)."
fi
APP_URL="${APP_URL:-http://127.0.0.1:5080}"
MAIL_UI="${MAIL_UI:-http://127.0.0.1:5081}"
STATE_DIR="${STATE_DIR:-$PWD/.run}"
mkdir -p "$STATE_DIR"

scripts/ensure-postgres.sh digitalehilfe

dotnet tool restore >/dev/null

# smtp4dev catches every email the app sends; its inbox is at $MAIL_UI.
if ! (exec 3<>"/dev/tcp/127.0.0.1/$Smtp__Port") 2>/dev/null; then
    echo "Starting smtp4dev (SMTP 127.0.0.1:$Smtp__Port, inbox $MAIL_UI) ..."
    nohup dotnet smtp4dev --smtpport="$Smtp__Port" --urls="$MAIL_UI" --imapport="" --pop3port="" \
        --db="$STATE_DIR/smtp4dev.db" >"$STATE_DIR/smtp4dev.log" 2>&1 &
    for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$Smtp__Port") 2>/dev/null && break; sleep 1; done
fi

dotnet build src/DigitaleHilfe.Web -c Release -v quiet -nologo

cat <<TXT

  DigitaleHilfe:     $APP_URL   (Anruf aufnehmen: $APP_URL/Intake)
  E-Mail-Postfach:   $MAIL_UI   (smtp4dev)
  Health:            $APP_URL/health/ready
  Jobs (Hangfire):   $APP_URL/jobs

  Two demo towns (created in a fresh demo database), each with its own logins:
    Kaiserslautern at $APP_URL
      Hotline        hotline@example.org          Telefon-Demo-2026!
      Helfer/in      helferin@example.org         Ehrenamt-Demo-2026!
      Koordination   koordination@example.org     Warteschlange-2026!
      Admin          admin@example.org            Server-Demo-2026!
    Kusel at ${APP_URL/127.0.0.1/localhost}
      Hotline        hotline@kusel.example        Telefon-Kusel-2026!
      Helfer/in      helfer@kusel.example         Ehrenamt-Kusel-2026!
      Koordination   koordination@kusel.example   Warteschlange-Kusel-2026!
      Admin          admin@kusel.example          Server-Kusel-2026!

  Stop with Ctrl+C.

TXT
exec dotnet run --project src/DigitaleHilfe.Web -c Release --no-build --no-launch-profile --urls "$APP_URL"
