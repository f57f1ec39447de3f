// Charts of the dashboard (Chart.js, served from wwwroot) and a sortable table of the units below.
(function () {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  if (window.Chart) {
    new Chart(document.getElementById('trend'), {
      data: {
        labels: data.months,
        datasets: [
          { type: 'bar', label: 'Chi bộ đã sinh hoạt', data: data.held, yAxisID: 'y' },
          { type: 'bar', label: 'Chi bộ phải sinh hoạt', data: data.expected, yAxisID: 'y' },
          { type: 'line', label: 'Tỷ lệ dự (%)', data: data.attendance, yAxisID: 'rate' },
        ],
      },
      options: { animation: false, scales: { y: { beginAtZero: true }, rate: { position: 'right', min: 0, max: 100 } } },
    });
    new Chart(document.getElementById('ratings'), {
      type: 'doughnut',
      data: { labels: ['Tốt', 'Khá', 'Trung bình', 'Kém'], datasets: [{ data: data.ratings }] },
      options: { animation: false, plugins: { title: { display: true, text: 'Xếp loại buổi sinh hoạt' } } },
    });
    const topics = document.getElementById('topics-chart');
    if (topics) new Chart(topics, {
      type: 'bar',
      data: {
        labels: data.topics,
        datasets: [
          { label: 'Ý kiến phát biểu', data: data.topicRemarks },
          { label: 'Buổi sinh hoạt', data: data.topicMeetings },
        ],
      },
      options: {
        indexAxis: 'y', animation: false, scales: { x: { beginAtZero: true } },
        plugins: { tooltip: { callbacks: { title: items => data.topicNames[items[0].dataIndex] } } },
      },
    });
  }
  const table = document.getElementById('children');
  if (!table) return;
  table.querySelectorAll('th[data-sort]').forEach((th, col) => {
    th.style.cursor = 'pointer';
    th.addEventListener('click', () => {
      const rows = Array.from(table.tBodies[0].rows);
      const asc = th.dataset.dir !== 'asc';
      th.dataset.dir = asc ? 'asc' : 'desc';
      const key = r => th.dataset.sort === 'num' ? parseFloat(r.cells[col].dataset.value) : r.cells[col].textContent.trim();
      rows.sort((a, b) => (key(a) > key(b) ? 1 : key(a) < key(b) ? -1 : 0) * (asc ? 1 : -1));
      rows.forEach(r => table.tBodies[0].appendChild(r));
    });
  });
})();
