// A new level row is a copy of the last one with its index moved on and its values cleared.
document.getElementById('add-level')?.addEventListener('click', () => {
    const body = document.querySelector('#levels tbody');
    const rows = body.querySelectorAll('tr.level-row');
    const copy = rows[rows.length - 1].cloneNode(true);
    const n = rows.length;
    copy.querySelectorAll('[name]').forEach(el => {
        el.name = el.name.replace(/levels\[\d+\]/, `levels[${n}]`);
        if (el.type === 'checkbox') el.checked = false; else if (el.tagName === 'SELECT') [...el.options].forEach(o => o.selected = false); else el.value = '';
    });
    copy.querySelectorAll('[aria-label]').forEach(el => el.setAttribute('aria-label', el.getAttribute('aria-label').replace(/\d+$/, n + 1)));
    body.appendChild(copy);
});
