using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using VmwareMcp.Abstractions.Providers;
using VmwareMcp.Host.Api;
using VmwareMcp.Host.Audit;
using VmwareMcp.Host.Configuration;
using VmwareMcp.Host.Errors;
using VmwareMcp.Host.Health;
using VmwareMcp.Host.Idempotency;
using VmwareMcp.Host.Logging;
using VmwareMcp.Host.Mcp;
using VmwareMcp.Host.Observability;
using VmwareMcp.Host.Plugins;
using VmwareMcp.Host.Security;
using VmwareMcp.Host.Targets;
using VmwareMcp.Host.Tls;

namespace VmwareMcp.Host.Startup;

/// <summary>Builds and runs the host: settings, logging, plugins, auth, TLS, MCP and REST.</summary>
public static partial class VmwareMcpHost
{
    /// <summary>The process entry point's body: returns the exit code.</summary>
    /// <param name="args">Command-line arguments.</param>
    public static async Task<int> RunAsync(string[] args)
    {
        HostStartOptions? options = null;
        try
        {
            (var action, options) = CommandLine.Parse(args);
            if (action != CommandLineAction.Run)
            {
                Console.WriteLine(action == CommandLineAction.Help ? CommandLine.Help : CommandLine.Version);
                return 0;
            }

            if (options!.Stdio)
            {
                using var stdioHost = BuildStdio(options);
                await stdioHost.RunAsync();
                return 0;
            }

            await using var app = Build(options);
            await app.RunAsync();
            return 0;
        }
        catch (ConfigurationException ex)
        {
            await Console.Error.WriteLineAsync("config error: " + ex.Message);
            return ConfigurationException.ExitCode;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            // A plugin's options failed ValidateOnStart; its message names the key.
            await Console.Error.WriteLineAsync($"config error: {options?.ConfigFile ?? "environment"}: " + string.Join("; ", ex.Failures));
            return ConfigurationException.ExitCode;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The documented exit code of an unexpected failure, with what failed, rather than the runtime's abort.
            await Console.Error.WriteLineAsync($"fatal: {ex}");
            return 1;
        }
    }

    /// <summary>Builds the HTTP host without starting it.</summary>
    /// <param name="options">Where the settings come from.</param>
    /// <exception cref="ConfigurationException">The configuration is invalid.</exception>
    public static WebApplication Build(HostStartOptions options)
    {
        var (settings, flat) = HostSettingsLoader.Load(options.ConfigFile, options.Environment, options.BaseDirectory);
        LogFileCheck.CheckWritable(settings, options.ConfigFile ?? "environment");
        AuditStartCheck.Run(settings, options.ConfigFile ?? "environment", "rest");
        var serilog = SerilogSetup.Create(settings, toStandardError: false, options.LogSink);
        var logger = new SerilogLoggerFactory(serilog).CreateLogger("VmwareMcp.Host");
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = options.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(flat.Values);
            builder.AddOpenTelemetryExport(options.Environment);
            builder.WebHost.UseKestrelCore();
            builder.Services.AddRoutingCore();
            var certificate = settings.ListenUrl.Scheme == Uri.UriSchemeHttps ? CertificateSource.Load(settings, logger) : null;
            builder.WebHost.ConfigureKestrel(kestrel => KestrelListen.Configure(kestrel, settings.ListenUrl, certificate));

            var catalog = AddServices(builder.Services, builder.Configuration, settings, serilog, logger, stdio: false);
            builder.Services.AddSingleton(options);
            options.ConfigureServices?.Invoke(builder.Services);

            var app = builder.Build();
            MapEndpoints(app, catalog, logger);
            LogStart(logger, settings, catalog);
            return app;
        }
        catch
        {
            serilog.Dispose();
            throw;
        }
    }

    /// <summary>Builds a host that serves MCP over stdin/stdout (logs go to stderr or the log file).</summary>
    /// <param name="options">Where the settings come from.</param>
    public static IHost BuildStdio(HostStartOptions options)
    {
        var (settings, flat) = HostSettingsLoader.Load(options.ConfigFile, options.Environment, options.BaseDirectory);
        LogFileCheck.CheckWritable(settings, options.ConfigFile ?? "environment");
        AuditStartCheck.Run(settings, options.ConfigFile ?? "environment", "mcp");
        var serilog = SerilogSetup.Create(settings, toStandardError: true, options.LogSink);
        var logger = new SerilogLoggerFactory(serilog).CreateLogger("VmwareMcp.Host");
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = options.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(flat.Values);
        builder.AddOpenTelemetryExport(options.Environment);
        var catalog = AddServices(builder.Services, builder.Configuration, settings, serilog, logger, stdio: true);
        builder.Services.AddSingleton(options);
        options.ConfigureServices?.Invoke(builder.Services);
        LogStart(logger, settings, catalog);
        return builder.Build();
    }

    private static PluginCatalog AddServices(IServiceCollection services, IConfiguration configuration, HostSettings settings, Serilog.Core.Logger serilog, Microsoft.Extensions.Logging.ILogger logger, bool stdio)
    {
        services.AddSerilog(serilog, dispose: true);
        services.AddSingleton<Serilog.ILogger>(serilog);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient();
        services.AddSingleton<ProviderFactories>();
        services.AddSingleton<TargetProviders>();
        services.AddSingleton<Audit.IAuditStore>(sp => new Audit.SqliteAuditStore(
            sp.GetRequiredService<State.StateDatabase>(), settings.AuditLog is { } copy ? new Audit.AuditFileMirror(copy) : null));
        services.AddSingleton<Policies.CallPolicy>();
        services.AddSingleton<Policies.PolicyBudgets>();
        services.AddSingleton<Policies.PolicyRuleSet>();
        services.AddSingleton<Approvals.ApprovalStore>();
        services.AddSingleton<Abstractions.Operations.IChangeHistory, Audit.AuditChangeHistory>();
        services.AddSingleton<Approvals.ApprovalDesk>();
        services.AddSingleton<Approvals.ApprovalGate>();
        services.AddSingleton<State.StateDatabase>();
        services.AddSingleton<Idempotency.IIdempotencyStore, Idempotency.SqliteIdempotencyStore>();
        services.AddSingleton<HandOff.TaskOutcomeStore>();
        services.AddSingleton<Abstractions.Operations.ITaskOutcomes>(sp => sp.GetRequiredService<HandOff.TaskOutcomeStore>());
        services.AddSingleton<ITargetProviders>(sp => sp.GetRequiredService<TargetProviders>());
        services.AddSingleton<Abstractions.Policy.ICallProgress, Mcp.CallProgress>();
        services.AddHostedService<TargetWarmup>();
        services.AddSingleton<Events.EventWebhooks>();
        services.AddHostedService(sp => sp.GetRequiredService<Events.EventWebhooks>());
        services.AddVmwareMcpServer(stdio);
        if (!stdio)
        {
            services.AddBearerTokens(settings);
            services.AddTokenRateLimits(settings);
            services.AddProblemDetails();
            services.AddExceptionHandler<ProblemExceptionHandler>();
            services.ConfigureHttpJsonOptions(json => JsonDefaults.Apply(json.SerializerOptions));
            // One instance, so its last check is shared (AddCheck alone would make one per probe).
            services.AddSingleton<TargetsHealthCheck>();
            services.AddHealthChecks().AddCheck<TargetsHealthCheck>("targets", tags: [HealthEndpoints.ReadyTag]);
            services.AddOpenApi(Api.OpenApiConventions.Configure);
            // Binding failures throw, so the exception handler can say which field was wrong instead of an empty 400.
            services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        }

        var catalog = new PluginFolderLoader(logger).LoadAll(settings.PluginsPath, services, configuration);
        services.AddSingleton(catalog);
        services.AddSingleton<PluginEndpointSource>();
        services.AddSingleton<PluginRuntime>();
        services.AddHostedService<PluginFolderWatcher>();
        return catalog;
    }

    private static void MapEndpoints(WebApplication app, PluginCatalog catalog, Microsoft.Extensions.Logging.ILogger logger)
    {
        // Outermost, so the logged status is the one the client got after error handling.
        app.UseRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseCaller();
        app.UseRateLimiter();
        app.UseAudit();
        app.UseAuthorization();
        app.UseRequestDeadline();
        // After authorization, so an anonymous caller cannot make the host buffer and scan bodies.
        app.UseJsonBodyGuard();
        app.UseIdempotency();

        HealthEndpoints.Map(app);
        if (app.Services.GetRequiredService<HostSettings>().OAuth is { } oauth)
        {
            Security.OAuth.OAuthSetup.MapProtectedResourceMetadata(app, oauth);
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapMcp(McpServerSetup.Route).RequireAuthorization(Scope.Read.Name());

        var api = app.MapGroup("/api/v1").WithPolicyBoundary();
        var hostRoutes = api.MapGroup(string.Empty).WithTags("Host");
        TokenExchangeEndpoint.Map(hostRoutes);
        CallerEndpoint.Map(hostRoutes);
        PluginEndpoints.Map(hostRoutes);
        Audit.AuditEndpoints.Map(hostRoutes);
        Approvals.ApprovalEndpoints.Map(hostRoutes);
        Policies.PolicyEndpoints.Map(hostRoutes);
        Events.EventWebhooks.Map(hostRoutes);

        // Routes of plugins loaded while the host runs; those loaded at start are mapped once, below.
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<PluginEndpointSource>());
        var pluginRoutes = app.MapGroup(string.Empty).WithPolicyBoundary();
        foreach (var plugin in catalog.Loaded.ToList())
        {
            try
            {
                plugin.EntryPoint.MapEndpoints(pluginRoutes);
            }
            catch (Exception ex)
            {
                catalog.MarkFailed(plugin, $"mapping its endpoints failed: {ex.GetType().Name}: {ex.Message}");
                LogMapFailed(logger, ex, plugin.Name);
            }
        }
    }

    private static void LogStart(Microsoft.Extensions.Logging.ILogger logger, HostSettings settings, PluginCatalog catalog)
    {
        // Keys a loaded plugin reads are not unknown; only now, with the plugins loaded, is that known.
        var claimed = catalog.Loaded.SelectMany(p => p.EntryPoint.ConfigurationKeys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var warning in settings.Warnings.Where(w => !claimed.Contains(w.Key)))
        {
            LogConfigWarning(logger, warning.Message);
        }

        if (settings.AllowAnonymous)
        {
            LogAnonymous(logger);
        }

        LogTargets(logger, settings.Targets.Count, string.Join(", ", settings.Targets.Select(t => t.ToString())));
    }

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "{Warning}")]
    private static partial void LogConfigWarning(Microsoft.Extensions.Logging.ILogger logger, string warning);

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "allow_anonymous is true: every caller may manage every target without a token")]
    private static partial void LogAnonymous(Microsoft.Extensions.Logging.ILogger logger);

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Information, Message = "{Count} target(s) configured: {Targets}")]
    private static partial void LogTargets(Microsoft.Extensions.Logging.ILogger logger, int count, string targets);

    [LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error, Message = "Plugin {Name} failed while mapping its endpoints and is skipped")]
    private static partial void LogMapFailed(Microsoft.Extensions.Logging.ILogger logger, Exception exception, string name);
}
