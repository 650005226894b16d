using Serilog;
using Serilog.Core;
using Serilog.Events;
using VmwareMcp.Host.Configuration;

namespace VmwareMcp.Host.Logging;

/// <summary>Builds the host's Serilog logger from logging_output and logging_severity.</summary>
internal static class SerilogSetup
{
    /// <summary>One timestamp per line, with the date and the offset, so lines from different days and hosts sort.</summary>
    private const string Template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The journal dates each line itself and reads the level from the <c>&lt;N&gt;</c> prefix.</summary>
    private const string JournalTemplate = "<{" + JournalPriority.Property + "}>{SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <param name="settings">The host's settings.</param>
    /// <param name="toStandardError">True under --stdio, where stdout carries MCP messages.</param>
    /// <param name="extraSink">An additional sink (tests use one to read every line the host writes).</param>
    public static Logger Create(HostSettings settings, bool toStandardError, ILogEventSink? extraSink)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(settings.LoggingLevel)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            // Data protection warns about unencrypted keys; the host issues no cookies or protected payloads.
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext();

        var json = settings.LogAsJson ? new Serilog.Formatting.Compact.CompactJsonFormatter() : null;
        var standardError = toStandardError ? LogEventLevel.Verbose : (LogEventLevel?)null;
        if (settings.LoggingOutput is not null)
        {
            if (json is not null)
            {
                configuration.WriteTo.File(json, settings.LoggingOutput, shared: true, flushToDiskInterval: TimeSpan.FromSeconds(1),
                    fileSizeLimitBytes: settings.LogFileMaxBytes, rollOnFileSizeLimit: true, retainedFileCountLimit: settings.LogFilesKept, rollingInterval: settings.LogRollInterval);
            }
            else
            {
                configuration.WriteTo.File(settings.LoggingOutput, outputTemplate: Template, shared: true, flushToDiskInterval: TimeSpan.FromSeconds(1),
                    fileSizeLimitBytes: settings.LogFileMaxBytes, rollOnFileSizeLimit: true, retainedFileCountLimit: settings.LogFilesKept, rollingInterval: settings.LogRollInterval);
            }
        }
        else if (json is not null)
        {
            configuration.WriteTo.Console(json, standardErrorFromLevel: standardError);
        }
        else if (settings.LogToJournal)
        {
            configuration.Enrich.With<JournalPriority>()
                .WriteTo.Console(outputTemplate: JournalTemplate, standardErrorFromLevel: standardError);
        }
        else
        {
            configuration.WriteTo.Console(outputTemplate: Template, standardErrorFromLevel: standardError);
        }

        if (extraSink is not null)
        {
            configuration.WriteTo.Sink(extraSink);
        }

        return configuration.CreateLogger();
    }

    /// <summary>Request logs: method, path (no query string), status, duration and the token's name, never the token.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // Without this the middleware writes to the static Log.Logger, which the host never sets.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms for {TokenName}";
            options.EnrichDiagnosticContext = (context, http) => context.Set("TokenName", http.User.Identity?.Name ?? "-");
            var throttle = new RefusalLogThrottle(app.ApplicationServices.GetRequiredService<TimeProvider>());
            options.GetLevel = (http, _, exception) => throttle.LevelFor(http, exception);
        });
}
