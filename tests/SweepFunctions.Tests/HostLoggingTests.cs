using System.Collections;
using System.Reflection;
using System.Threading.Channels;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SweepFunctions.Schedules;
using SweepFunctions.Telemetry;

namespace SweepFunctions.Tests;

/// <summary>
/// The worker composed as <c>Program.cs</c> composes it hands its functions' log lines to the Functions host, and does
/// not tell the host to drop them: with <c>telemetryMode: OpenTelemetry</c> the host discards every relayed
/// <c>Function.*</c> line of a worker that declares the capability <c>WorkerOpenTelemetryEnabled</c>, expecting the
/// worker to export its logs itself.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class HostLoggingTests
{
    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public void A_warning_a_function_logs_goes_to_the_host_and_the_worker_does_not_ask_the_host_to_drop_it(string console)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration["SweepResults:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.Configuration["SweepResults:Container"] = "sweeps";
        builder.Configuration["Telemetry:Console"] = console;
        builder.Services.AddSweepApp(builder.Configuration);
        builder.Services.AddSweepTelemetry(builder.Configuration);
        using var host = builder.Build();

        var capabilities = host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Capabilities;
        host.Services.GetRequiredService<ILogger<ScheduleRunner>>().LogWarning("Schedule {Schedule} skipped: {Reason}", "monthly", "cron: '0 61 3 * * *' is not an NCRONTAB expression");

        Assert.False(capabilities.TryGetValue("WorkerOpenTelemetryEnabled", out string? declared) && bool.TryParse(declared, out bool on) && on,
            $"the worker declares WorkerOpenTelemetryEnabled = {declared}, so the host drops its log lines");
        var sent = ToHost(host.Services);
        Assert.Contains(sent, m => m.Contains("\"level\": \"Warning\"", StringComparison.Ordinal)
            && m.Contains("Schedule monthly skipped: cron: '0 61 3 * * *' is not an NCRONTAB expression", StringComparison.Ordinal)
            && m.Contains(typeof(ScheduleRunner).FullName!, StringComparison.Ordinal));
    }

    /// <summary>Every message the worker has queued for the host (its gRPC channel's outbound queue), as JSON.</summary>
    private static List<string> ToHost(IServiceProvider services)
    {
        var channelType = Assembly.Load("Microsoft.Azure.Functions.Worker.Grpc").GetTypes().Single(t => t.Name == "GrpcHostChannel");
        object hostChannel = services.GetRequiredService(channelType);
        object channel = channelType.GetProperty("Channel", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)!.GetValue(hostChannel)!;
        object reader = channel.GetType().GetProperty("Reader")!.GetValue(channel)!;
        var tryRead = reader.GetType().GetMethod("TryRead")!;
        var messages = new List<string>();
        var args = new object?[] { null };
        while ((bool)tryRead.Invoke(reader, args)!)
        {
            messages.Add(args[0]!.ToString()!);
        }

        return messages;
    }
}
