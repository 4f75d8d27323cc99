// Timmy's dashboard script: live updates over Server-Sent Events, and forms that submit without a reload.
// Every page works without it; it only saves reloading.
(() => {
  'use strict';

  const feed = document.getElementById('feed');
  const feedTemplate = document.getElementById('feed-item');
  const indicator = document.querySelector('[data-live-indicator]');
  const maxFeedItems = 100;

  const slot = (element, name) => element.querySelector(`[data-slot="${name}"]`);

  // Adds an event to the top of the live feed, built from the same markup the server renders. A job has one
  // line, its newest event: the line it had gives way to the new one.
  function addToFeed(message) {
    const event = message.event;
    if (!feed || !feedTemplate || feed.querySelector(`[data-id="${event.id}"]`)) return;
    const job = event.type === 'job_progress' ? event.data.job_id : null;
    const item = feedTemplate.content.firstElementChild.cloneNode(true);
    item.dataset.id = event.id;
    if (job) {
      feed.querySelector(`[data-job-line="${CSS.escape(job)}"]`)?.remove();
      item.dataset.jobLine = job;
    }
    item.className = `feed-item feed-${event.type}`;
    const time = slot(item, 'time');
    time.dateTime = event.createdAt;
    time.textContent = new Date(event.createdAt).toLocaleTimeString([], { hour12: false });
    slot(item, 'label').textContent = event.type.replace(/_/g, ' ');
    slot(item, 'agent').textContent = event.agent || '';
    slot(item, 'summary').textContent = message.summary;
    const link = slot(item, 'task');
    if (event.taskId) {
      link.href = `/tasks/${event.taskId}`;
      link.textContent = `task ${event.taskId.slice(0, 8)}`;
    } else if (job) {
      link.href = `/jobs#job-${job}`;
      link.textContent = `job ${job.slice(0, 8)}`;
    } else {
      link.remove();
    }
    feed.querySelector('.empty')?.remove();
    feed.prepend(item);
    while (feed.children.length > maxFeedItems) feed.lastElementChild.remove();
  }

  // Rows marked data-job (the Jobs page) show each `job_progress` event of their job as it arrives:
  // status, progress and message, in the slots the server rendered.
  const jobSlot = (row, name) => row.querySelector(`[data-job-slot="${name}"]`);
  // The last status seen of each job, including jobs the page does not show (filtered out, or past its length).
  const jobStatuses = new Map();

  // Shows a job event in its row, if the page has one; true when the job's status changed or the job is new.
  function showJob(event) {
    if (event.type !== 'job_progress') return false;
    const { job_id: id, status, progress, message } = event.data;
    const row = document.querySelector(`[data-job="${CSS.escape(id)}"]`);
    const before = row?.dataset.jobStatus ?? jobStatuses.get(id);
    jobStatuses.set(id, status);
    if (row) {
      const percent = `${Math.round(progress * 100)}%`;
      row.dataset.jobStatus = status;
      const badge = jobSlot(row, 'status');
      badge.className = `status status-${status}`;
      badge.textContent = status;
      const bar = jobSlot(row, 'progress');
      bar.value = progress;
      bar.textContent = percent;
      jobSlot(row, 'percent').textContent = percent;
      jobSlot(row, 'message').textContent = message;
    }
    return before !== status;
  }

  // Regions marked data-live are re-read from the server (one request at a time, coalesced) when an
  // event arrives that concerns them; data-live-task limits a region to one task's events.
  let refreshTimer = null;
  let refreshing = false;
  let refreshAgain = false;

  // A job's progress ticks re-read nothing: only the rows of the Jobs page show them (showJob), and every
  // region catches up when the job's status changes. A region marked data-live-jobs (the jobs, the gallery)
  // is read again only then, when its counts, buttons or assets change.
  function concerns(region, event, jobStatusChanged) {
    if (event.type === 'job_progress' && !jobStatusChanged) return false;
    if ('liveJobs' in region.dataset) return jobStatusChanged;
    // A project's regions follow its steps; the list of projects follows every project's.
    const project = region.dataset.liveProject;
    if (project !== undefined) return event.type === 'creative_step' && event.data.project === project;
    if ('liveProjects' in region.dataset) return event.type === 'creative_step';
    const task = region.dataset.liveTask;
    return !task || task === event.taskId;
  }

  function scheduleRefresh(event, jobStatusChanged) {
    const regions = [...document.querySelectorAll('[data-live]')];
    if (!regions.some((region) => concerns(region, event, jobStatusChanged))) return;
    if (refreshing) { refreshAgain = true; return; }
    if (refreshTimer === null) refreshTimer = setTimeout(refresh, 250);
  }

  async function refresh() {
    refreshTimer = null;
    refreshing = true;
    try {
      const response = await fetch(location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const region of document.querySelectorAll('[data-live]')) {
        const replacement = fresh.querySelector(`[data-live="${region.dataset.live}"]`);
        if (!replacement) continue;
        const imported = document.importNode(replacement, true);
        region.replaceWith(imported);
        enhanceForms(imported);
      }
    } catch {
      // The next event tries again.
    } finally {
      refreshing = false;
      if (refreshAgain) {
        refreshAgain = false;
        refreshTimer = setTimeout(refresh, 250);
      }
    }
  }

  function showConnection(state) {
    if (!indicator) return;
    indicator.hidden = false;
    indicator.dataset.state = state;
    indicator.textContent = state === 'live' ? 'Live' : 'Reconnecting…';
  }

  // One stream while the page is shown. Leaving the page closes it (browsers may otherwise keep it open
  // for a page kept in the back/forward cache, holding one of the few connections allowed per server).
  let source = null;

  function connect() {
    if (source || !('EventSource' in window) || (!feed && !document.querySelector('[data-live]'))) return;
    // Resume after the newest event the page shows, or the one it was rendered at (data-after).
    const newest = feed?.querySelector('[data-id]')?.dataset.id ?? document.querySelector('[data-after]')?.dataset.after;
    source = new EventSource(`/api/events${newest ? `?after=${encodeURIComponent(newest)}` : ''}`);
    source.addEventListener('open', () => showConnection('live'));
    source.addEventListener('error', () => showConnection('reconnecting'));
    source.addEventListener('message', (message) => {
      const data = JSON.parse(message.data);
      addToFeed(data);
      scheduleRefresh(data.event, showJob(data.event));
    });
  }

  function disconnect() {
    source?.close();
    source = null;
  }

  // Forms marked data-enhance post with fetch and show the answer in their [data-form-status].
  function enhance(form) {
    const status = form.querySelector('[data-form-status]');
    const button = form.querySelector('button[type="submit"]');
    const text = form.querySelector('textarea');
    form.addEventListener('submit', async (submit) => {
      submit.preventDefault();
      button.disabled = true;
      status.classList.remove('error');
      status.textContent = 'Posting…';
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          body: new URLSearchParams(new FormData(form)),
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
        });
        const body = await response.json();
        if (response.ok) {
          const link = document.createElement('a');
          link.href = `/tasks/${body.task.id}`;
          link.textContent = `task ${body.task.id.slice(0, 8)}`;
          status.replaceChildren('Posted ', link, ` (${body.task.status}).`);
          if (text) text.value = '';
        } else {
          status.classList.add('error');
          status.textContent = body.error?.message ?? `The server answered ${response.status}.`;
        }
      } catch {
        status.classList.add('error');
        status.textContent = 'Could not reach the server. Is timmy serve still running?';
      } finally {
        button.disabled = false;
      }
    });
  }

  // The chat form streams Timmy's answer: the message is posted with fetch asking for Server-Sent
  // Events, and each piece of text, and each step of a task Timmy posts, is shown as it arrives.
  function chatLine(log, role, who) {
    log.querySelector('[data-chat-empty]')?.remove();
    const item = document.createElement('li');
    item.className = `chat-message chat-${role}`;
    const name = document.createElement('span');
    name.className = 'chat-who';
    name.textContent = who;
    const text = document.createElement('div');
    text.className = 'chat-text';
    item.append(name, text);
    log.append(item);
    return { item, text };
  }

  function handleChatEvent(event, log, answer) {
    if (event.kind === 'delta') {
      answer.text.textContent += event.text;
    } else if (event.kind === 'task') {
      const step = document.createElement('p');
      step.className = 'chat-step muted';
      const link = document.createElement('a');
      link.href = `/tasks/${event.taskId}`;
      link.textContent = `task ${event.taskId.slice(0, 8)}`;
      step.append(link, `: ${event.text}`);
      answer.item.insertBefore(step, answer.text);
    } else if (event.kind === 'message') {
      answer.text.textContent = event.message.content;
      answer.item.dataset.done = '';
      return event.message.conversationId;
    }
    return null;
  }

  function enhanceChat(form) {
    const log = document.querySelector('[data-chat-log]');
    const status = form.querySelector('[data-form-status]');
    const button = form.querySelector('button[type="submit"]');
    const text = form.querySelector('textarea');
    const conversation = form.querySelector('[data-chat-conversation]');
    form.addEventListener('submit', async (submit) => {
      submit.preventDefault();
      button.disabled = true;
      status.classList.remove('error');
      status.textContent = 'Timmy is answering…';
      const body = new URLSearchParams(new FormData(form));
      try {
        const response = await fetch(form.action, {
          method: 'POST', body, headers: { Accept: 'text/event-stream, application/json' }, credentials: 'same-origin',
        });
        if (!response.ok || !response.body) {
          const failure = await response.json().catch(() => ({}));
          status.classList.add('error');
          status.textContent = failure.error?.message ?? `The server answered ${response.status}.`;
          return;
        }
        chatLine(log, 'user', 'You').text.textContent = body.get('message');
        text.value = '';
        const answer = chatLine(log, 'assistant', 'Timmy');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let pending = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          pending += value;
          let end;
          while ((end = pending.indexOf('\n\n')) >= 0) {
            const message = pending.slice(0, end);
            pending = pending.slice(end + 2);
            const data = message.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
            if (!data) continue;
            if (message.startsWith('event: error')) {
              status.classList.add('error');
              status.textContent = JSON.parse(data).message;
              continue;
            }
            const id = handleChatEvent(JSON.parse(data), log, answer);
            if (id) conversation.value = id;
          }
        }
        if (!status.classList.contains('error')) status.textContent = '';
      } catch {
        status.classList.add('error');
        status.textContent = 'Could not reach the server. Is timmy serve still running?';
      } finally {
        button.disabled = false;
      }
    });
  }

  // Forms marked data-studio-form (a tool's form, the Director's, an image's Variations and Animate) and
  // data-project-form (a scene's re-roll) post with fetch. A queued job or a re-roll shows up in the live
  // regions as it runs; a new project opens its page. A refusal is shown in the form, its field marked.
  function markField(form, field) {
    form.querySelectorAll('[aria-invalid="true"]').forEach((input) => input.removeAttribute('aria-invalid'));
    // A tool names its argument `arguments.<name>`; the form's field is `<name>`.
    const name = field?.replace(/^arguments\./, '');
    const input = name && form.querySelector(`[name="${CSS.escape(name)}"]`);
    if (input && input.type !== 'hidden') {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    }
  }

  function enhanceAction(form) {
    const status = form.querySelector('[data-form-status]');
    const button = form.querySelector('button[type="submit"]');
    form.addEventListener('submit', async (submit) => {
      submit.preventDefault();
      button.disabled = true;
      status.classList.remove('error');
      status.textContent = 'Sending…';
      try {
        const response = await fetch(form.action, {
          method: 'POST',
          body: new URLSearchParams(new FormData(form)),
          headers: { Accept: 'application/json' },
          credentials: 'same-origin',
        });
        const body = await response.json();
        if (!response.ok) {
          status.classList.add('error');
          status.textContent = body.error?.message ?? `The server answered ${response.status}.`;
          markField(form, body.error?.field);
          return;
        }
        markField(form, null);
        if (body.project && response.status === 201) {
          location.assign(`/creative/projects/${encodeURIComponent(body.project.id)}`);
          return;
        }
        const job = body.job?.job;
        status.textContent = job ? `Queued job ${job.id.slice(0, 8)}.` : 'Done; the page follows it live.';
        scheduleRefresh({ type: 'job_progress', data: {} }, true);
      } catch {
        status.classList.add('error');
        status.textContent = 'Could not reach the server. Is timmy serve still running?';
      } finally {
        button.disabled = false;
      }
    });
  }

  function enhanceForms(root) {
    root.querySelectorAll('form[data-studio-form], form[data-project-form]').forEach((form) => {
      if (form.dataset.enhanced !== undefined) return;
      form.dataset.enhanced = '';
      enhanceAction(form);
    });
  }

  enhanceForms(document);
  document.querySelectorAll('form[data-enhance]').forEach(enhance);
  document.querySelectorAll('form[data-chat]').forEach(enhanceChat);
  window.addEventListener('pagehide', disconnect);
  window.addEventListener('pageshow', connect);
  connect();
})();
