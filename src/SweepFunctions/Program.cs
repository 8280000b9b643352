using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SweepFunctions;
using SweepFunctions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);

builder.Services.AddSweepApp(builder.Configuration);
builder.Services.AddSweepTelemetry(builder.Configuration);

builder.Build().Run();
