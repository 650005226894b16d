namespace VmwareMcp.Host.Plugins;

/// <summary>
/// What a plugin loaded at run time maps its routes onto: the endpoints it produces are collected and
/// served by <see cref="PluginEndpointSource"/>, since the host's own route table is fixed once it runs.
/// </summary>
internal sealed class PluginRouteBuilder(IApplicationBuilder app, IServiceProvider services) : IEndpointRouteBuilder
{
    public IServiceProvider ServiceProvider { get; } = services;

    public ICollection<EndpointDataSource> DataSources { get; } = [];

    public IApplicationBuilder CreateApplicationBuilder() => app.New();

    /// <summary>
    /// The mapped endpoints, each run with <paramref name="pluginServices"/> ahead of the request's services
    /// so handlers can take the plugin's own registrations as parameters.
    /// </summary>
    public IReadOnlyList<Endpoint> Endpoints(IServiceProvider pluginServices) =>
        DataSources.SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint is RouteEndpoint { RequestDelegate: { } handler } route
                ? new RouteEndpoint(WithPluginServices(handler, pluginServices), route.RoutePattern, route.Order, route.Metadata, route.DisplayName)
                : endpoint)
            .ToList();

    private static RequestDelegate WithPluginServices(RequestDelegate handler, IServiceProvider pluginServices) => async context =>
    {
        var original = context.RequestServices;
        context.RequestServices = new PluginServiceProvider(pluginServices, original);
        try
        {
            await handler(context);
        }
        finally
        {
            context.RequestServices = original;
        }
    };
}
