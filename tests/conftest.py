import os, pytest

os.environ.setdefault('HF_HUB_OFFLINE', '1')
os.environ.setdefault('TRANSFORMERS_OFFLINE', '1')
os.environ.setdefault('HF_DATASETS_OFFLINE', '1')
os.environ.setdefault('TOKENIZERS_PARALLELISM', 'false')

def pytest_configure(config):
    config.addinivalue_line('markers', 'slow: takes minutes or needs an optional build (run with NBDEV_FLAGS=slow)')

def pytest_collection_modifyitems(config, items):
    if 'slow' in os.environ.get('NBDEV_FLAGS', '').split(): return
    skip = pytest.mark.skip(reason='slow: set NBDEV_FLAGS=slow to run')
    for item in items:
        if 'slow' in item.keywords: item.add_marker(skip)
