using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Faults;

/// <summary>
/// Sits in front of every emulator: counts each request under a channel prefix, injects the channel's scheduled
/// faults, and counts the errors the emulator answered by its own rules (injected faults are not among them).
/// Control routes live outside the channel prefixes, so they are neither counted nor faulted.
/// </summary>
internal sealed class ChannelTrafficMiddleware(
    RequestDelegate next,
    SandboxChannels channels,
    TimeProvider timeProvider,
    ILogger<ChannelTrafficMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!channels.TryMatch(context.Request.Path, out var channel, out var rest))
        {
            await next(context);
            return;
        }

        channel.Stats.RequestReceived();
        var fault = channel.Faults.TryHit(rest.Value ?? "/", timeProvider.GetUtcNow());
        if (fault is null)
        {
            await AnswerAsync(context, channel);
            return;
        }

        channel.Stats.FaultInjected();
        Log.FaultInjected(logger, channel.Name, fault.Kind, context.Request.Method, context.Request.Path);
        await InjectAsync(context, channel, fault);
    }

    private async Task InjectAsync(HttpContext context, SandboxChannel channel, Fault fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Status:
                context.Response.StatusCode = fault.Status;
                break;
            case FaultKind.Latency:
                await SlowAnswerAsync(context, channel, fault.Latency);
                break;
            case FaultKind.Reset:
                context.Abort();
                break;
            case FaultKind.CommitThenReset:
                await CommitThenResetAsync(context);
                break;
            case FaultKind.WechatErrcode:
                await context.Response.WriteAsJsonAsync(WechatError.For(fault.WechatErrcode), SandboxJson.Options);
                break;
        }
    }

    private async Task AnswerAsync(HttpContext context, SandboxChannel channel)
    {
        await next(context);
        if (context.Response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            channel.Stats.ErrorAnswered(context.Response.StatusCode);
        }
    }

    private async Task CommitThenResetAsync(HttpContext context)
    {
        // Buffer the whole answer so that not one byte (not even the status line) reaches the caller, then drop the
        // connection: the change is applied but the caller cannot know it.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            context.Abort();
        }
    }

    /// <summary>
    /// A real server goes on with a request it has received even when the caller goes away (a timeout, a crash): the
    /// request is read whole first, then the wait, then the change is applied; the answer is lost if the caller left.
    /// </summary>
    private async Task SlowAnswerAsync(HttpContext context, SandboxChannel channel, TimeSpan latency)
    {
        try
        {
            context.Request.EnableBuffering();
            await context.Request.Body.CopyToAsync(Stream.Null, CancellationToken.None);
            context.Request.Body.Position = 0;
            await Task.Delay(latency, timeProvider, CancellationToken.None);
            await AnswerAsync(context, channel);
        }
        catch (Exception ex) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller is gone; whatever of its request had arrived is done all the same.
            Log.AnswerLost(logger, channel.Name, context.Request.Path, ex.GetType().Name);
        }
    }
}
