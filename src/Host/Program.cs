using VmwareMcp.Host.Startup;

return await VmwareMcpHost.RunAsync(args);
